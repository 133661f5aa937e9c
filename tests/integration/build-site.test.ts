import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { checkSite } from '../../src/output/check.ts';
import { basicSite } from '../fixtures/basic.ts';
import { listFiles, makeProject, read, removeProject } from '../helpers/fixture.ts';
import { parseFeed, validateHtml } from '../helpers/validate.ts';

for (const base of ['/', '/kb/']) {
  describe(`a built site at base ${base}`, () => {
    let project: string;
    let out: string;
    beforeAll(async () => {
      project = makeProject(basicSite);
      out = path.join(project, 'out');
      const result = await build({ root: project, outDir: out, base, url: 'https://example.org', search: false });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.ok).toBe(true);
    });
    afterAll(() => removeProject(project));

    it('has every page kind', () => {
      const files = listFiles(out);
      for (const f of [
        'index.html',
        'posts/mae/index.html',
        'posts/bert/index.html',
        'posts/ddp/index.html',
        'about/index.html',
        'tags/index.html',
        'tags/自监督学习/index.html',
        'tags/mae/index.html',
        'categories/index.html',
        'categories/自监督学习/index.html',
        'categories/python/index.html',
        'archives/index.html',
        'search/index.html',
        '404.html',
        'feed.xml',
        'atom.xml',
        'feed.json',
        'sitemap.xml',
        'robots.txt',
        'posts/mae/mae.svg',
      ]) {
        expect(files, f).toContain(f);
      }
    });

    it('resolves every internal href and src, fragments included', () => {
      expect(checkSite(out, base)).toEqual([]);
      const home = read(out, 'index.html');
      expect(home).toContain(`href="${base}posts/mae/"`);
      // Chinese tag URLs are percent-encoded in links and kept as characters on disk.
      expect(home).toContain(`href="${base}tags/%E8%87%AA%E7%9B%91%E7%9D%A3%E5%AD%A6%E4%B9%A0/"`);
    });

    it('rewrites links written against source files, with their heading', () => {
      const mae = read(out, 'posts/mae/index.html');
      expect(mae).toContain(`href="${base}posts/bert/#${encodeURIComponent('掩码语言模型')}"`);
      expect(mae).toContain(`src="${base}posts/mae/mae.svg"`);
      expect(mae).toMatch(/<figure><img[^>]*alt="MAE 的编码器只处理可见 patch"[^>]*><figcaption>图 1：MAE 结构<\/figcaption><\/figure>/);
    });

    it('renders math with KaTeX (no errors) and code with highlight.js', () => {
      const mae = read(out, 'posts/mae/index.html');
      expect(mae).toContain('class="katex"');
      expect(mae).toContain('class="katex-display"');
      expect(mae).not.toContain('katex-error');
      expect(mae).not.toContain('math-error');
      // Chinese inside \text{} renders as text in the formula.
      expect(mae).toMatch(/<span class="mord cjk_fallback">掩码率<\/span>/);
      expect(mae).toContain('<span class="hljs-keyword">import</span>');
      const ddp = read(out, 'posts/ddp/index.html');
      expect(ddp).toContain('language-bash');
      expect(ddp).not.toContain('class="katex"');
    });

    it('loads KaTeX CSS from the site itself, and only on pages with math', () => {
      const mae = read(out, 'posts/mae/index.html');
      const ddp = read(out, 'posts/ddp/index.html');
      const mathCss = /<link rel="stylesheet" href="([^"]*math-[^"]*\.css)">/.exec(mae)?.[1];
      expect(mathCss).toBeDefined();
      expect(mathCss!.startsWith(`${base}assets/`)).toBe(true);
      expect(ddp).not.toContain(mathCss!);
      const css = readFileSync(path.join(out, mathCss!.slice(base.length)), 'utf8');
      const font = /url\(([^)]+KaTeX_Main-Regular[^)]+\.woff2)\)/.exec(css)?.[1];
      expect(font).toBeDefined();
      expect(existsSync(path.join(out, font!.replace(/^["']|["']$/g, '').slice(base.length)))).toBe(true);
    });

    it('shows post pages with title, dates, category, tags, reading time, TOC and neighbours', () => {
      const mae = read(out, 'posts/mae/index.html');
      expect(mae).toMatch(/<h1 class="post-title"[^>]*>MAE：掩码自编码器<\/h1>/);
      expect(mae).toContain('<time datetime="2025-07-26T00:00:00+08:00">2025-07-26</time>');
      expect(mae).toMatch(/约 \d+ 分钟读完/);
      expect(mae).toContain('class="post-category"');
      expect(mae).toContain('<html lang="zh-CN">');
      // Newest first: MAE (2025-07) sits between DDP (2026-01, newer) and BERT (2025-04, older).
      expect(mae).toMatch(/class="post-nav-prev"[^>]*href="[^"]*posts\/bert\/"/);
      expect(mae).toMatch(/class="post-nav-next"[^>]*href="[^"]*posts\/ddp\/"/);
    });

    it('lists the latest posts on the home page, newest first, with excerpts', () => {
      const home = read(out, 'index.html');
      const order = ['posts/ddp/', 'posts/mae/', 'posts/bert/'].map((p) => home.indexOf(`${base}${p}"`));
      expect(order.every((i) => i > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(home).toContain('MAE 随机遮住 75% 的 patch，再重建它们。');
      expect(home).toContain('最近更新');
    });

    it('passes html-validate (standard) on every page', async () => {
      expect(await validateHtml(out)).toEqual([]);
    });

    it('writes RSS and Atom that an independent parser reads, with absolute links under the base', async () => {
      for (const name of ['feed.xml', 'atom.xml']) {
        const feed = await parseFeed(read(out, name));
        expect(feed.items.length).toBe(3);
        for (const item of feed.items) {
          expect(item.link?.startsWith(`https://example.org${base}posts/`)).toBe(true);
          expect(item.isoDate).toBeTruthy();
          expect(item['content:encoded'] ?? item.content).toBeTruthy();
        }
      }
      const rss = read(out, 'feed.xml');
      // Relative URLs inside post HTML are made absolute for feed readers.
      expect(rss).toContain(`src="https://example.org${base}posts/mae/mae.svg"`);
      const json = JSON.parse(read(out, 'feed.json')) as { version: string; items: { url: string; content_html: string }[] };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.items).toHaveLength(3);
      expect(json.items[0]!.url).toBe(`https://example.org${base}posts/ddp/`);
    });

    it('writes a sitemap and a robots.txt that points to it', () => {
      const sitemap = read(out, 'sitemap.xml');
      expect(sitemap).toContain(`<loc>https://example.org${base}posts/mae/</loc>`);
      expect(read(out, 'robots.txt')).toContain(`Sitemap: https://example.org${base}sitemap.xml`);
    });
  });
}
