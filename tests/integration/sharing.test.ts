import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { basicSite } from '../fixtures/basic.ts';
import { listFiles, makeProject, post, read, removeProject } from '../helpers/fixture.ts';

// What a search engine or a link preview reads: built under a base path with --url, so every
// absolute URL must carry both.
const ORIGIN = 'https://example.org';
const BASE = '/kb/';
const SITE = `${ORIGIN}${BASE}`;
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

interface Head {
  title: string;
  meta: Map<string, string[]>;
  links: { rel: string; href: string; type?: string }[];
  jsonLd: Record<string, unknown>[];
  h1: string;
}

function head(html: string): Head {
  const tree: Root = fromHtml(html);
  const out: Head = { title: '', meta: new Map(), links: [], jsonLd: [], h1: '' };
  visit(tree, 'element', (el: Element) => {
    const p = el.properties;
    if (el.tagName === 'title') out.title = toString(el);
    if (el.tagName === 'h1' && !out.h1) out.h1 = toString(el);
    if (el.tagName === 'meta') {
      const key = String(p.name ?? p.property ?? '');
      if (key) out.meta.set(key, [...(out.meta.get(key) ?? []), String(p.content)]);
    }
    if (el.tagName === 'link') out.links.push({ rel: ([] as unknown[]).concat(p.rel).join(' '), href: String(p.href), ...(p.type ? { type: String(p.type) } : {}) });
    if (el.tagName === 'script' && p.type === 'application/ld+json') out.jsonLd.push(JSON.parse(toString(el)) as Record<string, unknown>);
  });
  return out;
}

const one = (h: Head, key: string): string => {
  const values = h.meta.get(key) ?? [];
  expect(values, key).toHaveLength(1);
  return values[0]!;
};

/** The URL a page is served at: `tags/自监督学习/index.html` → `https://example.org/kb/tags/自监督学习/`. */
const pageUrl = (file: string) => SITE + file.replace(/(^|\/)index\.html$/, '$1');

describe('metadata for search engines and shared links', () => {
  let project: string;
  let out: string;
  let pages: string[];
  beforeAll(async () => {
    project = makeProject({
      ...basicSite,
      'content/posts/ssl/simclr.md': post(
        { title: 'SimCLR：对比学习', date: '2025-03-01 09:30', updated: '2025-08-02', tags: '[对比学习, 自监督学习]', category: '自监督学习' },
        'SimCLR 用两次数据增强得到正样本对。\n\n<!-- more -->\n\n## 损失\n\n正文。',
      ),
      'public/og-image.png': PNG,
      'site.config.mjs': `export default ${JSON.stringify({
        title: '测试站点',
        description: '站点的描述。',
        author: { name: '作者甲', url: 'https://example.org/about/' },
        image: { path: '/og-image.png', alt: '测试站点', width: 1200, height: 630 },
      })};\n`,
    });
    out = path.join(project, 'out');
    const result = await build({ root: project, outDir: out, base: BASE, url: ORIGIN, search: false });
    expect(result.diagnostics).toEqual([]);
    pages = listFiles(out).filter((f) => f.endsWith('.html'));
  });
  afterAll(() => removeProject(project));

  it('gives every page a canonical URL, a description, Open Graph and Twitter tags, all absolute under the base', () => {
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const h = head(read(out, file));
      const canonical = h.links.filter((l) => l.rel === 'canonical');
      expect(canonical, file).toHaveLength(1);
      expect(decodeURI(canonical[0]!.href), file).toBe(pageUrl(file));
      const description = one(h, 'description');
      expect(description.length, file).toBeGreaterThan(3);
      expect(one(h, 'og:description')).toBe(description);
      expect(one(h, 'twitter:description')).toBe(description);
      expect(one(h, 'og:url')).toBe(canonical[0]!.href);
      expect(one(h, 'og:title').length).toBeGreaterThan(0);
      expect(one(h, 'og:site_name')).toBe('测试站点');
      expect(one(h, 'og:image')).toBe(`${SITE}og-image.png`);
      expect(one(h, 'og:image:alt')).toBe('测试站点');
      expect(one(h, 'twitter:image')).toBe(`${SITE}og-image.png`);
      expect(one(h, 'twitter:card')).toBe('summary_large_image');
      const feeds = h.links.filter((l) => l.rel === 'alternate').map((l) => `${l.type} ${l.href}`);
      expect(feeds, file).toEqual(
        expect.arrayContaining([`application/rss+xml ${SITE}feed.xml`, `application/atom+xml ${SITE}atom.xml`, `application/feed+json ${SITE}feed.json`]),
      );
    }
    expect(existsSync(path.join(out, 'og-image.png'))).toBe(true);
  });

  it('describes a post by its excerpt and marks it as an article with its dates and tags', () => {
    const h = head(read(out, 'posts/simclr/index.html'));
    expect(h.title).toBe('SimCLR：对比学习 - 测试站点');
    expect(one(h, 'description')).toBe('SimCLR 用两次数据增强得到正样本对。');
    expect(one(h, 'og:type')).toBe('article');
    expect(one(h, 'og:title')).toBe('SimCLR：对比学习');
    expect(one(h, 'article:published_time')).toBe('2025-03-01T09:30:00+08:00');
    expect(one(h, 'article:modified_time')).toBe('2025-08-02T00:00:00+08:00');
    expect(one(h, 'article:section')).toBe('自监督学习');
    expect(h.meta.get('article:tag')).toEqual(['对比学习', '自监督学习']);
    // Without <!-- more -->, the first sentences stand for the post.
    expect(one(head(read(out, 'posts/ddp/index.html')), 'description')).toContain('一个进程一张 GPU。');
    // The home page describes the site.
    const home = head(read(out, 'index.html'));
    expect(one(home, 'description')).toBe('站点的描述。');
    expect(one(home, 'og:type')).toBe('website');
  });

  it('carries JSON-LD BlogPosting on every post, and only on posts', () => {
    for (const file of pages) {
      const h = head(read(out, file));
      if (!file.startsWith('posts/')) {
        expect(h.jsonLd, file).toEqual([]);
        continue;
      }
      expect(h.jsonLd, file).toHaveLength(1);
      const ld = h.jsonLd[0]!;
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('BlogPosting');
      expect(ld.headline).toBe(h.h1);
      expect(ld.url).toBe(h.links.find((l) => l.rel === 'canonical')!.href);
      expect(ld.datePublished).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(ld.author).toEqual({ '@type': 'Person', name: '作者甲', url: 'https://example.org/about/' });
      expect(ld.image).toBe(`${SITE}og-image.png`);
    }
    const simclr = head(read(out, 'posts/simclr/index.html')).jsonLd[0]!;
    expect(simclr).toMatchObject({
      headline: 'SimCLR：对比学习',
      datePublished: '2025-03-01T09:30:00+08:00',
      dateModified: '2025-08-02T00:00:00+08:00',
      keywords: '对比学习, 自监督学习',
      description: 'SimCLR 用两次数据增强得到正样本对。',
      mainEntityOfPage: `${SITE}posts/simclr/`,
    });
  });

  it('keeps the 404 page out of search engines, gives every search a canonical /search/, and points robots.txt at the sitemap', () => {
    const noindex = pages.filter((f) => head(read(out, f)).meta.get('robots')?.includes('noindex'));
    expect(noindex.sort()).toEqual(['404.html']);
    // The search page may be indexed (a crawler sees a plain page with a box); every `?q=` variant
    // of it names the bare page as canonical, so results are never indexed one by one.
    expect(read(out, 'search/index.html')).toContain(`<link rel="canonical" href="${SITE}search/">`);
    expect(read(out, 'robots.txt')).toContain(`Sitemap: ${SITE}sitemap.xml`);
    const sitemap = read(out, 'sitemap.xml');
    expect(sitemap).toContain(`<loc>${SITE}posts/simclr/</loc>`);
    expect(sitemap).not.toContain('search/');
  });
});

it('leaves out image tags when the site has no share image', async () => {
  const project = makeProject(basicSite);
  try {
    const out = path.join(project, 'out');
    expect((await build({ root: project, outDir: out, search: false })).ok).toBe(true);
    const h = head(read(out, 'posts/mae/index.html'));
    expect(h.meta.has('og:image')).toBe(false);
    expect(one(h, 'twitter:card')).toBe('summary');
  } finally {
    removeProject(project);
  }
});
