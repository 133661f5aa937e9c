// Every cache is keyed on one digest of Folio's own code and the site's (its config with each
// plugin, the modules the config imports, templates, CSS): editing a Markdown plugin or a
// template is seen by the next build and by `folio dev`, never hidden behind "13 of 13 documents
// from the cache" (issue 13's finding).
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startDev, type RunningDev } from '../helpers/dev.ts';
import { makeProject, post, read, REPO, removeProject } from '../helpers/fixture.ts';

const dirs: string[] = [];
let dev: RunningDev | undefined;
afterAll(async () => {
  await dev?.stop();
  dirs.forEach(removeProject);
});

/**
 * The site's own rehype plugin, in a file of its own that site.config.ts imports; its words come
 * from one more module, so an edit there leaves the plugin's own source text as it was.
 */
const stampPlugin = `// A plugin of this site: a line at the end of every post.
import { STAMP } from './words.ts';

export function rehypeStamp() {
  return (tree: { children: unknown[] }) => {
    tree.children.push({ type: 'element', tagName: 'p', properties: { className: ['plugin-stamp'] }, children: [{ type: 'text', value: STAMP }] });
  };
}
`;
const words = (text: string) => `export const STAMP: string = '${text}';\n`;

describe('one cache key over the generator and the site', () => {
  it('a build and folio dev after editing a local plugin and a template show both edits, with the cache warm', { timeout: 300_000 }, async () => {
    // A copy of the generator whose sources this test may edit; the libraries are the repo's.
    const folio = mkdtempSync(path.join(tmpdir(), 'folio-copy-'));
    dirs.push(folio);
    for (const name of ['bin', 'src', 'templates', 'package.json', 'tsconfig.json']) cpSync(path.join(REPO, name), path.join(folio, name), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(folio, 'node_modules'));
    const site = makeProject({
      // As `folio init` writes it: an ES module package, so the config may import .ts files.
      'package.json': JSON.stringify({ name: 'cache-site', private: true, type: 'module' }),
      'site.config.ts': "import { rehypeStamp } from './plugins/stamp.ts';\n\nexport default { title: '缓存', url: 'https://example.org', markdown: { rehypePlugins: [rehypeStamp] } };\n",
      'plugins/stamp.ts': stampPlugin,
      'plugins/words.ts': words('stamp one'),
      'content/posts/pic.md': post({ title: '图', date: '2025-01-01' }, '![示意图](./a.svg)'),
      'content/posts/a.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
    });
    dirs.push(site);
    const bin = path.join(folio, 'bin/folio.js');
    const build = () => {
      const r = spawnSync(process.execPath, [bin, 'build', '--no-search'], { cwd: site, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return r.stdout;
    };
    build();
    expect(read(site, 'dist/posts/pic/index.html')).toContain('<p class="plugin-stamp">stamp one</p>');
    expect(build()).toMatch(/nothing changed/);
    const edit = (file: string, from: string, to: string) => {
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    edit(path.join(folio, 'src/markdown/figure.ts'), "tagName: 'figure', properties: {}", "tagName: 'figure', properties: { className: ['edited-figure'] }");
    edit(path.join(folio, 'templates/layout.ts'), "h('footer', { className: ['site-footer'] }", "h('footer', { className: ['site-footer', 'edited-footer'] }");
    const out = build();
    expect(out).toMatch(/0 of 1 document from the cache/);
    let page = read(site, 'dist/posts/pic/index.html');
    expect(page).toContain('<figure class="edited-figure">');
    expect(page).toContain('edited-footer');

    // Only a module of the site's plugin changes (not site.config.ts, not the plugin's own text, not the post).
    expect(build()).toMatch(/nothing changed/);
    edit(path.join(site, 'plugins/words.ts'), 'stamp one', 'stamp two');
    expect(build()).toMatch(/0 of 1 document from the cache/);
    page = read(site, 'dist/posts/pic/index.html');
    expect(page).toContain('<p class="plugin-stamp">stamp two</p>');
    expect(page).not.toContain('stamp one');

    // folio dev: the same edits while it runs show on the next request.
    dev = await startDev(site, { bin });
    const fetchPost = async () => (await fetch(`${dev!.url}posts/pic/`)).text();
    const until = async (ok: (html: string) => boolean) => {
      let html = '';
      for (let i = 0; i < 60 && !ok((html = await fetchPost())); i++) await new Promise((r) => setTimeout(r, 500));
      return html;
    };
    let live = await until((h) => h.includes('stamp two'));
    expect(live).toContain('<p class="plugin-stamp">stamp two</p>');
    expect(live).toContain('edited-footer');
    edit(path.join(site, 'plugins/words.ts'), 'stamp two', 'stamp three');
    edit(path.join(folio, 'templates/layout.ts'), "'edited-footer'", "'edited-again'");
    live = await until((h) => h.includes('stamp three') && h.includes('edited-again'));
    expect(live).toContain('<p class="plugin-stamp">stamp three</p>');
    expect(live).toContain('edited-again');
    // The open page was told to reload for the plugin's module, as for any file the site is made from.
    expect(dev.output()).toMatch(/changed plugins\/words\.ts: reloading/);
    await dev.stop();
    dev = undefined;
    // The build after dev sees the same plugin text (and reuses nothing stale).
    build();
    expect(read(site, 'dist/posts/pic/index.html')).toContain('<p class="plugin-stamp">stamp three</p>');
  });
});
