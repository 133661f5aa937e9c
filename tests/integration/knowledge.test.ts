import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { checkSite } from '../../src/output/check.ts';
import { knowledgeSite } from '../fixtures/knowledge.ts';
import { folio, listFiles, makeProject, post, read, removeProject, writeFiles } from '../helpers/fixture.ts';
import { parseFeed, validateHtml } from '../helpers/validate.ts';

const base = '/kb/';
const enc = (s: string) => s.split('/').map(encodeURIComponent).join('/');

function page(out: string, rel: string): Root {
  return fromHtml(read(out, rel));
}

function all(tree: Root | Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) found.push(e);
  });
  return found;
}

const hasClass = (name: string) => (e: Element) => Array.isArray(e.properties.className) && e.properties.className.includes(name);
const one = (tree: Root | Element, name: string): Element => {
  const [e, ...rest] = all(tree, hasClass(name));
  expect(e, `.${name}`).toBeDefined();
  expect(rest, `only one .${name}`).toEqual([]);
  return e!;
};
const links = (e: Root | Element): [string, string][] => all(e, (x) => x.tagName === 'a').map((a) => [String(a.properties.href), toString(a)]);

describe('a knowledge-base site: wikilinks, backlinks, series, related posts, per-term feeds', () => {
  let project: string;
  let out: string;
  beforeAll(async () => {
    project = makeProject(knowledgeSite);
    out = path.join(project, 'out');
    const result = await build({ root: project, outDir: out, base, url: 'https://example.org', search: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });
  afterAll(() => removeProject(project));

  it('renders plain, aliased, heading and title wikilinks to the right href and label', () => {
    const body = one(page(out, 'posts/bert/index.html'), 'post-body');
    const found = links(body).filter(([href]) => !href.startsWith('#') || href === `#${enc('掩码语言模型')}`);
    expect(found).toEqual(
      expect.arrayContaining([
        [`${base}posts/mae/`, 'MAE：掩码自编码器'],
        [`${base}posts/mae/`, '掩码自编码器'],
        [`${base}posts/mae/#${enc('损失函数')}`, 'MAE：掩码自编码器 › 损失函数'],
        [`${base}posts/mae/#loss-function`, '损失（英文）'],
        [`#${enc('掩码语言模型')}`, '掩码语言模型'],
      ]),
    );
    // …and the ids they point at exist on the target page.
    const maeIds = all(page(out, 'posts/mae/index.html'), (e) => typeof e.properties.id === 'string').map((e) => e.properties.id);
    expect(maeIds).toEqual(expect.arrayContaining(['损失函数', 'loss-function']));
    expect(checkSite(out, base)).toEqual([]);
    // A page can use wikilinks too.
    expect(links(one(page(out, 'about/index.html'), 'post-body'))).toEqual([[`${base}posts/intro/`, '自监督学习是什么']]);
  });

  it('leaves [[ alone inside code, inline code, math and escapes', () => {
    const html = read(out, 'posts/bert/index.html');
    expect(html).toContain('<code>x[[mae]]</code>');
    expect(html).toMatch(/# \[\[mae\]\]/);
    expect(html).toContain('<annotation encoding="application/x-tex">a[[b]]</annotation>');
    expect(html).toContain('M = [[1, 2], [3, 4]]');
    expect(html).toContain('转义的 [[mae]] 也是');
    // Exactly the five wikilinks of the prose became links to MAE (two of them plain).
    const toMae = links(one(page(out, 'posts/bert/index.html'), 'post-body')).filter(([href]) => href.startsWith(`${base}posts/mae/`));
    expect(toMae).toHaveLength(4);
  });

  it('lists the posts that link here under 被引用于, each with the sentence of the link', () => {
    const section = one(page(out, 'posts/mae/index.html'), 'backlinks');
    expect(toString(all(section, (e) => e.tagName === 'h2')[0]!)).toBe('被引用于');
    const items = all(section, hasClass('backlink'));
    // Newest first: MoCo (wikilink), BERT (wikilinks), intro (Markdown link).
    expect(items.map((li) => links(li)[0])).toEqual([
      [`${base}posts/moco/`, 'MoCo：动量对比'],
      [`${base}posts/bert/`, 'BERT 与自监督预训练'],
      [`${base}posts/intro/`, '自监督学习是什么'],
    ]);
    const contexts = items.map((li) => all(li, hasClass('backlink-context')).map((p) => toString(p)));
    expect(contexts[0]).toEqual(['与生成式的 MAE：掩码自编码器 不同，它需要负样本。']);
    expect(contexts[1]).toContain('后来的 MAE：掩码自编码器 把这个想法用到图像上。');
    // The sentence of the link itself, not the first sentence that mentions "MAE".
    expect(contexts[2]).toEqual(['最简单的代表是 MAE，它只重建被遮住的 patch。']);
    // A post nobody links to has no such section; the wikilink from MAE shows on BERT.
    expect(all(page(out, 'posts/ddp/index.html'), hasClass('backlinks'))).toEqual([]);
    expect(links(one(page(out, 'posts/bert/index.html'), 'backlinks')).map(([href]) => href)).toContain(`${base}posts/mae/`);
  });

  it('shows the series table of contents in series order on each post, this post marked, with previous/next', () => {
    const order = ['intro', 'bert', 'mae', 'moco'].map((s) => `${base}posts/${s}/`);
    for (const [i, slug] of ['intro', 'bert', 'mae', 'moco'].entries()) {
      const nav = one(page(out, `posts/${slug}/index.html`), 'series-nav');
      const list = one(nav, 'series-nav-list');
      expect(links(list).map(([href]) => href)).toEqual(order);
      const current = all(list, (e) => e.properties.ariaCurrent === 'page');
      expect(current.map((a) => a.properties.href)).toEqual([order[i]]);
      expect(toString(one(nav, 'series-nav-position'))).toBe(`第 ${i + 1} / 4 篇`);
      const prev = all(nav, hasClass('series-nav-prev'))[0];
      const next = all(nav, hasClass('series-nav-next'))[0];
      expect(prev?.properties.href).toBe(order[i - 1]);
      expect(next?.properties.href).toBe(order[i + 1]);
    }
    expect(all(page(out, 'posts/ddp/index.html'), hasClass('series-nav'))).toEqual([]);
  });

  it('gives each series its own page, an ordered table of contents', () => {
    const seriesPath = `series/${'自监督学习系列'}/index.html`;
    const toc = one(page(out, seriesPath), 'series-toc');
    expect(toc.tagName).toBe('ol');
    expect(links(toc).map(([href]) => href)).toEqual(['intro', 'bert', 'mae', 'moco'].map((s) => `${base}posts/${s}/`));
    expect(read(out, 'posts/mae/index.html')).toContain(`href="${base}series/${enc('自监督学习系列')}/"`);
  });

  it('lists related posts under 相关文章: rare shared tags first, never unrelated ones', () => {
    const section = one(page(out, 'posts/mae/index.html'), 'related');
    expect(toString(all(section, (e) => e.tagName === 'h2')[0]!)).toBe('相关文章');
    const hrefs = links(section).map(([href]) => href);
    // ViT is rarer than 自监督学习, but vit.md shares only it; BERT/intro/MoCo share the common tag and the category.
    expect(hrefs[0]).toBe(`${base}posts/vit/`);
    expect(hrefs).toHaveLength(4);
    expect(hrefs).not.toContain(`${base}posts/ddp/`);
    expect(hrefs).not.toContain(`${base}posts/mae/`);
  });

  it('writes a feed for every tag and category, parsed by rss-parser, with absolute links, linked from its page', async () => {
    const files = listFiles(out);
    expect(files).toEqual(expect.arrayContaining(['tags/自监督学习/feed.xml', 'tags/vit/feed.xml', 'tags/pytorch/feed.xml', 'categories/自监督学习/feed.xml', 'categories/python/feed.xml']));
    const feed = await parseFeed(read(out, 'tags/vit/feed.xml'));
    expect(feed.title).toContain('ViT');
    expect(feed.items.map((i) => i.link)).toEqual([`https://example.org${base}posts/mae/`, `https://example.org${base}posts/vit/`]);
    expect(feed.link).toBe(`https://example.org${base}tags/vit/`);
    const cat = await parseFeed(read(out, 'categories/自监督学习/feed.xml'));
    expect(cat.items).toHaveLength(4);
    for (const item of cat.items) expect(item.link?.startsWith(`https://example.org${base}posts/`)).toBe(true);
    const tagPage = read(out, 'tags/vit/index.html');
    expect(tagPage).toContain(`<link rel="alternate" type="application/rss+xml" title="标签：ViT (RSS)" href="https://example.org${base}tags/vit/feed.xml">`);
    expect(tagPage).toContain(`href="${base}tags/vit/feed.xml"`);
  });

  it('passes html-validate (standard) on every page, the new sections included', async () => {
    expect(await validateHtml(out)).toEqual([]);
  });
});

describe('wikilink errors from the CLI', () => {
  const projects: string[] = [];
  afterEach(() => projects.splice(0).forEach(removeProject));

  it('a dangling wikilink fails the build at its file:line:col', () => {
    const bad = post({ title: '坏链接', date: '2026-01-01' }, '第一段。\n\n正文提到 [[不存在的文章]] 一次。');
    const dir = makeProject({ ...knowledgeSite, 'content/posts/bad.md': bad });
    projects.push(dir);
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    const lines = bad.split('\n');
    const line = lines.findIndex((l) => l.includes('[[不存在的文章]]'));
    const col = lines[line]!.indexOf('[[') + 1;
    expect(r.stderr).toContain(`content/posts/bad.md:${line + 1}:${col}: error: wikilink [[不存在的文章]] matches no post`);
    expect(listFiles(dir).some((f) => f.startsWith('out/'))).toBe(false);
  });

  it('a wikilink to a missing heading fails at the wikilink', () => {
    const bad = post({ title: '坏小节', date: '2026-01-01' }, '见 [[mae#没有这一节]]。');
    const dir = makeProject({ ...knowledgeSite, 'content/posts/bad.md': bad });
    projects.push(dir);
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/posts\/bad\.md:6:3: error: link to a heading that does not exist: #没有这一节/);
  });
});

describe('wikilinks and the render cache', () => {
  it('a cached post is rendered again when a post it names by wikilink changes title', async () => {
    const dir = makeProject(knowledgeSite);
    try {
      const out = path.join(dir, 'out');
      const first = await build({ root: dir, outDir: out, search: false });
      expect(first.ok).toBe(true);
      const retitled = knowledgeSite['content/posts/ssl/mae.md']!.replace('title: MAE：掩码自编码器', 'title: MAE 掩码自编码器（新标题）');
      expect(retitled).not.toBe(knowledgeSite['content/posts/ssl/mae.md']);
      // BERT names MAE by its old title: that link must change with it.
      const bert = knowledgeSite['content/posts/ssl/bert.md']!.replace('[[MAE：掩码自编码器#Loss Function|', '[[mae#Loss Function|');
      writeFiles(dir, { 'content/posts/ssl/mae.md': retitled, 'content/posts/ssl/bert.md': bert });
      const second = await build({ root: dir, outDir: out, search: false });
      expect(second.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      // Unchanged posts without wikilinks to MAE still come from the cache…
      expect(second.stats.cached).toBeGreaterThan(0);
      // …but MoCo, unchanged, whose only link is [[mae]], shows the new title; its old title no longer resolves.
      expect(links(one(page(out, 'posts/moco/index.html'), 'post-body'))).toEqual([['/posts/mae/', 'MAE 掩码自编码器（新标题）']]);
      writeFiles(dir, { 'content/posts/ssl/moco.md': knowledgeSite['content/posts/ssl/moco.md']!.replace('[[mae]]', '[[MAE：掩码自编码器]]') });
      const third = await build({ root: dir, outDir: out, search: false });
      expect(third.ok).toBe(false);
      expect(third.diagnostics.map((d) => d.rule)).toContain('wikilink/unresolved');
    } finally {
      removeProject(dir);
    }
  });
});

describe('wikilinks on the worker pool', () => {
  it('a site large enough for render workers resolves every wikilink and relative link as one thread does', async () => {
    // 70 posts (render workers start at 48), a ring: each names the next by title and by file.
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) {
      const next = (i + 1) % 70;
      files[`content/posts/p${i}.md`] = post({ title: `环形笔记 ${i}`, date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}` }, `下一篇是 [[环形笔记 ${next}]]，文件在 [这里](./p${next}.md)。`);
    }
    const dir = makeProject(files);
    try {
      const out = path.join(dir, 'out');
      const result = await build({ root: dir, outDir: out, search: false, cache: false });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (let i = 0; i < 70; i++) {
        const next = (i + 1) % 70;
        expect(links(one(page(out, `posts/p${i}/index.html`), 'post-body'))).toEqual([
          [`/posts/p${next}/`, `环形笔记 ${next}`],
          [`/posts/p${next}/`, '这里'],
        ]);
      }
    } finally {
      removeProject(dir);
    }
  });
});
