// A site that adds Markdown plugins from the npm registry in its site.config.ts, built by the real
// CLI (enough posts that the worker pool renders some of them) and read in Chromium as a reader
// would: rehype-external-links opens other sites in a new tab and marks them, and the lint rule
// remark-lint-no-duplicate-headings warns at the line of the repeated heading, which --strict fails.
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../src/dev/static-server.ts';
import { STRICT_CSP } from '../e2e/built-site.ts';
import { launchBrowser, watchErrors, type TestBrowser } from '../helpers/browser.ts';
import { folio, makeProject, post, read, REPO, removeProject } from '../helpers/fixture.ts';

const CONFIG = `import rehypeExternalLinks from 'rehype-external-links';
import remarkLintNoDuplicateHeadings from 'remark-lint-no-duplicate-headings';

export default {
  title: '插件站',
  url: 'https://example.org',
  markdown: {
    remarkPlugins: [remarkLintNoDuplicateHeadings],
    rehypePlugins: [
      [
        rehypeExternalLinks,
        {
          target: '_blank',
          rel: ['noopener', 'noreferrer'],
          content: { type: 'text', value: ' ↗' },
          contentProperties: { className: ['external-mark'] },
        },
      ],
    ],
  },
};
`;

/** More posts than the build renders on one thread (48), so the worker pool renders too. */
const POSTS = 60;

const files: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'plugin-site', private: true, type: 'module' }),
  'site.config.ts': CONFIG,
  // The repeated heading is on line 14 of the file (frontmatter, a blank line, then the body from line 6).
  'content/posts/dup.md': post({ title: '重复的标题', date: '2025-02-01' }, '## 方法\n\n第一段。\n\n## 结果\n\n第二段。\n\n## 方法\n\n第三段。'),
};
for (let i = 0; i < POSTS; i++) {
  const n = String(i).padStart(2, '0');
  files[`content/posts/p${n}.md`] = post({ title: `第 ${n} 篇`, date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` }, `见[论文 ${n}](https://arxiv.org/abs/2111.${n}377)，或者[重复的标题](/posts/dup/)。`);
}

describe('a site with Markdown plugins from the registry', () => {
  let site: string;
  let server: RunningServer;
  let browser: TestBrowser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let built: ReturnType<typeof folio>;

  beforeAll(async () => {
    site = makeProject(files);
    // The site's own node_modules, as `npm install rehype-external-links …` in it would make.
    symlinkSync(path.join(REPO, 'node_modules'), path.join(site, 'node_modules'));
    built = folio(site, 'build', '--no-search');
    server = await startStaticServer({ dir: path.join(site, 'dist'), base: '/', headers: { 'content-security-policy': STRICT_CSP } });
    browser = await launchBrowser();
    context = await browser.context({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = watchErrors(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) removeProject(site);
  });

  it('builds, and the lint rule warns at the repeated heading, in the build\'s own format', () => {
    expect(built.code).toBe(0);
    const warnings = built.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^content\/posts\/dup\.md:14:1: warning: .*\(remark-lint:no-duplicate-headings\)$/);
  });

  it('--strict fails the build on that warning and keeps the previous output', () => {
    const before = read(site, 'dist/posts/dup/index.html');
    const strict = folio(site, 'build', '--no-search', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/content\/posts\/dup\.md:14:1: warning: .*no-duplicate-headings/);
    expect(read(site, 'dist/posts/dup/index.html')).toBe(before);
  });

  it('every post, whichever thread rendered it, has its external link marked and opening in a new tab', () => {
    for (let i = 0; i < POSTS; i++) {
      const n = String(i).padStart(2, '0');
      const html = read(site, `dist/posts/p${n}/index.html`);
      expect(html, `post p${n}`).toContain(`<a href="https://arxiv.org/abs/2111.${n}377" rel="noopener noreferrer" target="_blank">论文 ${n}<span class="external-mark"> ↗</span></a>`);
    }
  });

  it('in Chromium: the external link shows its mark and opens a new tab with no way back to the site; a link inside the site does not', async () => {
    await page.goto(new URL('posts/p07/', server.url).href, { waitUntil: 'load' });
    const external = page.locator('article a[href^="https://arxiv.org/"]');
    await expect.poll(() => external.innerText()).toBe('论文 07 ↗');
    expect(await external.locator('.external-mark').isVisible()).toBe(true);
    const [tab] = await Promise.all([context.waitForEvent('page'), external.click()]);
    // rel="noopener": the new tab cannot reach (or navigate) the page that opened it.
    expect(await tab.evaluate(() => window.opener)).toBeNull();
    await tab.close();
    expect(page.url()).toBe(new URL('posts/p07/', server.url).href);

    const internal = page.locator('article a[href="/posts/dup/"]');
    expect(await internal.getAttribute('target')).toBeNull();
    await internal.click();
    await page.waitForURL(new URL('posts/dup/', server.url).href);
    expect(await page.locator('article h2').evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent))).toEqual(['方法', '结果', '方法']);
    expect(errors.filter((e) => !e.includes('arxiv.org'))).toEqual([]);
  });
});
