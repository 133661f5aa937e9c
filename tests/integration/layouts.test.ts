import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer } from '../../src/dev/static-server.ts';
import { launchBrowser, watchErrors, type TestBrowser } from '../helpers/browser.ts';
import { startDev } from '../helpers/dev.ts';
import { folio, listFiles, makeProject, post, read, REPO, removeProject } from '../helpers/fixture.ts';
import { validateHtml } from '../helpers/validate.ts';

/**
 * A site made its own: an ejected and edited footer, an edited home page, and a plugin of its
 * config adding a page kind (a "papers" index) linked from the nav. Built and looked at in
 * Chromium, then edited under `folio dev`.
 */
const CONFIG = `import type { FolioPlugin, Post, RenderContext, UserConfig } from 'folio-ssg';
import { h } from 'hastscript';

/** Every post tagged "paper", on a page of its own. */
const papers: FolioPlugin = {
  name: 'papers',
  *routes(site) {
    const list = site.posts.filter((p) => p.tags.some((t) => t.name === 'paper'));
    yield {
      path: '/papers/',
      sitemap: true,
      data: () => list,
      render: (ctx: RenderContext, posts: readonly Post[]) =>
        ctx.templates.layout(ctx, { title: 'Papers', description: 'Every paper read here', path: '/papers/', bodyClass: 'page-papers' }, [
          h('h1', { className: ['page-title'] }, 'Papers'),
          h('ul', { className: ['paper-list'] }, posts.map((p) => h('li', [h('a', { href: ctx.url(p.path) }, p.title)]))),
        ]),
    };
  },
  // A line after each paper's body, keyed by whether the post is one.
  postAsides: {
    data: (site, post) => post.tags.some((t) => t.name === 'paper'),
    render: (ctx: RenderContext, isPaper: boolean) => (isPaper ? [h('aside', { className: ['paper-note'] }, [h('a', { href: ctx.url('/papers/') }, '全部论文笔记')])] : []),
  },
};

export default {
  title: 'Layouts',
  url: 'https://example.org',
  nav: [
    { title: '首页', path: '/' },
    { title: 'Papers', path: '/papers/' },
    { title: '标签', path: '/tags/' },
    { title: '归档', path: '/archives/' },
  ],
  plugins: [papers],
} satisfies UserConfig;
`;

const FOOTER_MARK = '京ICP备00000001号';

function makeSite(): string {
  const dir = makeProject({
    // As \`folio init\` writes it: the site's own modules (config, templates) are ES modules.
    'package.json': '{ "private": true, "type": "module" }\n',
    'site.config.ts': CONFIG,
    'content/posts/mae.md': post({ title: 'MAE 读后', date: '2024-03-01', tags: '[paper, 自监督]', category: '论文', series: '读论文', seriesOrder: '1', aliases: '[/old/mae/]' }, '掩码自编码器。'),
    'content/posts/simclr.md': post({ title: 'SimCLR 读后', date: '2024-02-01', tags: '[paper]', category: '论文', series: '读论文', seriesOrder: '2' }, '对比学习，见 [MAE](mae.md)。'),
    'content/posts/notes.md': post({ title: '随手记', date: '2024-01-01', tags: '[notes]', category: '杂记' }, '不是论文。'),
    'content/pages/about.md': post({ title: '关于' }, '关于本站。'),
  });
  // What `npm install folio-ssg` gives a site: the package, and hastscript beside it.
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(REPO, path.join(dir, 'node_modules/folio-ssg'), 'dir');
  symlinkSync(path.join(REPO, 'node_modules/hastscript'), path.join(dir, 'node_modules/hastscript'), 'dir');
  return dir;
}

/** One of each page kind the site has, with the footer. */
const PAGES = ['', 'page/2/', 'posts/mae/', 'about/', 'tags/', 'tags/paper/', 'categories/', 'categories/论文/', 'series/', 'series/读论文/', 'archives/', 'search/', 'papers/', 'no-such-page/'];

describe('a site with its own templates and a page kind of its own', () => {
  let dir: string;
  let out: string;
  let browser: TestBrowser;
  beforeAll(async () => {
    dir = makeSite();
    out = path.join(dir, 'dist');
    // Two posts per page, so the home page has a second page of its own.
    writeFileSync(path.join(dir, 'site.config.ts'), CONFIG.replace("title: 'Layouts',", "title: 'Layouts',\n  perPage: 2,"));
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    removeProject(dir);
  });

  it('folio eject lists the templates, copies one, and never overwrites', () => {
    const list = folio(dir, 'eject');
    expect(list.code).toBe(0);
    for (const name of ['layout', 'header', 'footer', 'post', 'list', 'home']) expect(list.stdout).toMatch(new RegExp(`^  ${name} +\\S.*$`, 'm'));

    const footer = folio(dir, 'eject', 'footer');
    expect(footer.stderr).toContain('instead of the built-in footer template');
    expect(footer.code).toBe(0);
    expect(footer.stdout.trim()).toMatch(/templates\/footer\.ts$/);
    const ejected = read(dir, 'templates/footer.ts');
    expect(ejected).toMatch(/^export default function footer\(ctx: RenderContext\): Element \{$/m);
    // Only what an installed site can import.
    expect([...ejected.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['hastscript']));
    for (const m of ejected.matchAll(/from '([^']+)'/g)) expect(['hastscript', 'hast', 'folio-ssg', 'folio-ssg/templates']).toContain(m[1]);

    // The site's own edit survives a second eject, which fails as `folio init` does.
    writeFileSync(path.join(dir, 'templates/footer.ts'), ejected.replace('ctx.strings.poweredBy,', `'${FOOTER_MARK}',`));
    const again = folio(dir, 'eject', 'footer');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already; nothing was written');
    expect(read(dir, 'templates/footer.ts')).toContain(FOOTER_MARK);

    expect(folio(dir, 'eject', 'sidebar').code).toBe(2);

    expect(folio(dir, 'eject', 'home').code).toBe(0);
    const home = read(dir, 'templates/home.ts');
    writeFileSync(path.join(dir, 'templates/home.ts'), home.replace("h('h1', { className: ['page-title'] }, ctx.strings.latest),", "h('h1', { className: ['page-title'] }, ctx.strings.latest),\n    h('p', { className: ['home-intro'] }, '读过的论文和笔记'),"));
    expect(read(dir, 'templates/home.ts')).toContain('home-intro');
  });

  it('builds with them: the papers page is there, in the nav and the sitemap, and every page is valid HTML', async () => {
    const built = folio(dir, 'build', '--no-search');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const files = listFiles(out);
    expect(files).toContain('papers/index.html');
    const papers = read(out, 'papers/index.html');
    expect(papers).toContain('<a href="/posts/mae/">MAE 读后</a>');
    expect(papers).toContain('<a href="/posts/simclr/">SimCLR 读后</a>');
    expect(papers).not.toContain('随手记');
    expect(read(out, 'posts/mae/index.html')).toContain('<aside class="paper-note"><a href="/papers/">全部论文笔记</a></aside>');
    expect(read(out, 'posts/notes/index.html')).not.toContain('paper-note');
    expect(read(out, 'index.html')).toContain('<a href="/papers/">Papers</a>');
    expect(read(out, 'sitemap.xml')).toContain('<loc>https://example.org/papers/</loc>');
    expect(await validateHtml(out)).toEqual([]);
  }, 120_000);

  it('shows the edited footer on every kind of page in Chromium, and the edited home page', async () => {
    const server = await startStaticServer({ dir: out, base: '/', port: 0, host: '127.0.0.1' });
    const context = await browser.context();
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      for (const p of PAGES) {
        await page.goto(`${server.url}${p}`);
        const footer = page.locator('footer.site-footer');
        await expect.poll(() => footer.innerText(), { message: `/${p}` }).toContain(FOOTER_MARK);
        expect(await footer.locator('a').count(), `/${p}`).toBe(3);
      }
      await page.goto(server.url);
      expect(await page.locator('.home-intro').innerText()).toBe('读过的论文和笔记');
      await page.getByRole('link', { name: 'Papers' }).click();
      await page.waitForURL(/\/papers\/$/);
      expect(await page.locator('h1').innerText()).toBe('Papers');
      expect(await page.locator('.paper-list a').allInnerTexts()).toEqual(['MAE 读后', 'SimCLR 读后']);
      expect(errors.filter((e) => !e.includes('no-such-page'))).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  }, 120_000);

  it('rebuilds after an edit to the footer (the build record covers templates/)', () => {
    const file = path.join(dir, 'templates/footer.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace(FOOTER_MARK, '京ICP备00000002号'));
    const built = folio(dir, 'build', '--no-search');
    expect(built.code).toBe(0);
    for (const f of ['index.html', 'posts/mae/index.html', 'papers/index.html', '404.html']) expect(read(out, f)).toContain('京ICP备00000002号');
    writeFileSync(file, readFileSync(file, 'utf8').replace('京ICP备00000002号', FOOTER_MARK));
  }, 120_000);

  it('folio dev reloads the open page when the footer changes', async () => {
    const dev = await startDev(dir, { args: ['--root', dir] });
    const context = await browser.context();
    try {
      const page = await context.newPage();
      await page.goto(`${dev.url}posts/mae/`);
      expect(await page.locator('footer.site-footer').innerText()).toContain(FOOTER_MARK);
      const file = path.join(dir, 'templates/footer.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replace(FOOTER_MARK, '京ICP备00000003号'));
      // No reload by hand: the dev server tells the page to reload.
      await page.waitForFunction(() => document.querySelector('footer.site-footer')?.textContent?.includes('京ICP备00000003号'), undefined, { timeout: 30_000 });
      await page.goto(`${dev.url}papers/`);
      expect(await page.locator('footer.site-footer').innerText()).toContain('京ICP备00000003号');
    } finally {
      await context.close();
      await dev.stop();
    }
  }, 120_000);
});

describe('a broken template', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeProject));
  const site = (file: string, text: string) => {
    const dir = makeSite();
    dirs.push(dir);
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates', file), text);
    return dir;
  };

  it('that throws is an error naming its file and line, not a stack dump, and the output is not written', () => {
    const dir = site('header.ts', "import type { RenderContext } from 'folio-ssg';\n\nexport default function header(ctx: RenderContext) {\n  throw new Error(`no header for ${ctx.config.title}`);\n}\n");
    const built = folio(dir, 'build', '--no-search');
    expect(built.code).toBe(2);
    expect(built.stderr.trim()).toBe('templates/header.ts:4: the header template failed: no header for Layouts');
    expect(listFiles(dir).some((f) => f.startsWith('dist/'))).toBe(false);
  }, 60_000);

  it('without a default export, or returning no hast node, is named too', () => {
    const wrong = folio(site('footer.ts', 'export const footer = () => null;\n'), 'build', '--no-search');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^templates\/footer\.ts: must export default the template function, such as `export default function footer\(ctx, …\) \{ … \}` \(`folio eject footer` writes one\); it exports no default \(only footer\)$/m);
    const text = folio(site('footer.ts', "export default () => '<footer>hi</footer>';\n"), 'build', '--no-search');
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('templates/footer.ts: the footer template must return a hast element, such as h("footer", …); it returned a string');
  }, 60_000);

  it('a plugin that fails, or takes a path the site has, is named with its index and name', () => {
    const broken = site('footer.ts', "export { default } from './mine.ts';\n");
    writeFileSync(path.join(broken, 'templates/mine.ts'), "import { h } from 'hastscript';\nexport default () => h('footer', 'mine');\n");
    writeFileSync(path.join(broken, 'site.config.ts'), CONFIG.replace('data: () => list,', "data: () => { throw new Error('no papers today'); },"));
    const failed = folio(broken, 'build', '--no-search');
    expect(failed.code).toBe(2);
    expect(failed.stderr.trim()).toBe('site.config.ts: plugins[0] "papers": /papers/: no papers today');

    writeFileSync(path.join(broken, 'site.config.ts'), CONFIG.replace("path: '/papers/',\n      sitemap", "path: '/tags/',\n      sitemap"));
    const taken = folio(broken, 'build', '--no-search');
    expect(taken.code).toBe(2);
    expect(taken.stderr.trim()).toBe('site.config.ts: plugins[0] "papers": /tags/ is a page of the "tags" plugin already; give it a path of its own');
  }, 60_000);
});
