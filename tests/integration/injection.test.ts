import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFor, payloads, refused, xssSite } from '../fixtures/xss.ts';
import { folio, listFiles, makeProject, removeProject } from '../helpers/fixture.ts';
import { activeContent, xmlProblems } from '../helpers/inert.ts';
import { parseFeed, validateHtml } from '../helpers/validate.ts';

/**
 * The injection corpus (tests/fixtures/xss.ts) built by the real CLI: every page and every feed
 * must be inert, while the payloads still show as the text the author wrote.
 */
const BASE = '/kb/';
let dir: string;
let out: string;
let files: string[];
let warnings = '';

beforeAll(() => {
  dir = makeProject(xssSite());
  out = path.join(dir, 'out');
  const r = folio(dir, 'build', '--out', 'out', '--base', BASE, '--url', 'https://example.org');
  expect(r.stderr.split('\n').filter((l) => l.includes(': error:'))).toEqual([]);
  expect(r.code).toBe(0);
  warnings = r.stderr;
  files = listFiles(out);
});
afterAll(() => removeProject(dir));

/** Elements of a tree that match, in document order. */
function elements(tree: Root | Element, match: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (match(e)) found.push(e);
  });
  return found;
}
const hasClass = (e: Element, c: string) => Array.isArray(e.properties.className) && e.properties.className.includes(c);

const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
const page = (f: string) => fromHtml(read(f)) as Root;
const postFile = (i: number) => `posts/x-${String(i + 1).padStart(2, '0')}/index.html`;

describe(`${payloads.length} injection payloads in body, title, tags, category, series, summary, URLs and math`, () => {
  it('the corpus is large enough and every payload has its post', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(30);
    payloads.forEach((_, i) => expect(files).toContain(postFile(i)));
  });

  it('no page has a script, handler, script URL, frame, object, base or refresh of its own making', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(payloads.length * 3);
    const problems = pages.flatMap((f) => activeContent(read(f), { base: BASE, page: true }).map((p) => `${f}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('titles, tags and summaries show as the text the author wrote', () => {
    payloads.forEach((p, i) => {
      const tree = page(postFile(i));
      const h1 = elements(tree, (e) => e.tagName === 'h1' && hasClass(e, 'post-title'))[0]!;
      const text = p.kind === 'html' ? p.text : `${p.text} <script>alert("${p.kind}")</script>`;
      expect(toString(h1), p.name).toBe(`${String(i + 1).padStart(2, '0')} ${text}`);
      const tagList = elements(tree, (e) => hasClass(e, 'tag-list'))[0]!;
      expect(elements(tagList, (e) => e.tagName === 'a').map((a) => toString(a)), p.name).toContain(text);
      expect(elements(tree, (e) => e.tagName === 'meta' && e.properties.name === 'description')[0]?.properties.content, p.name).toBe(`摘要 ${text}`);
    });
  });

  it('the JSON-LD block is data: valid JSON, no "<", the headline is the title', () => {
    payloads.forEach((p, i) => {
      const tree = page(postFile(i));
      const script = elements(tree, (e) => e.tagName === 'script' && e.properties.type === 'application/ld+json');
      expect(script, p.name).toHaveLength(1);
      const json = toString(script[0]!);
      expect(json).not.toContain('<');
      expect(json).not.toMatch(/[\u2028\u2029]/);
      expect(JSON.parse(json).headline).toBe(toString(elements(tree, (e) => e.tagName === 'h1')[0]!));
    });
  });

  it('KaTeX runs untrusted: \\href, \\url and \\includegraphics make no link or image', () => {
    payloads.forEach((p, i) => {
      if (p.kind !== 'math') return;
      const tree = page(postFile(i));
      const katex = elements(tree, (e) => hasClass(e, 'katex'));
      expect(katex.length, p.name).toBeGreaterThan(0);
      for (const k of katex) {
        const linked = elements(k, (e) => e.tagName === 'a' || e.tagName === 'img' || 'href' in e.properties || 'src' in e.properties || /url\(/.test(String(e.properties.style ?? '')));
        expect(linked.map((e) => e.tagName), p.name).toEqual([]);
      }
    });
  });

  it('link payloads in Markdown and raw HTML lose their URL; the link text stays', () => {
    payloads.forEach((p, i) => {
      if (p.kind !== 'url' || p.text.startsWith('https:')) return;
      const body = elements(page(postFile(i)), (e) => hasClass(e, 'post-body'))[0]!;
      expect(toString(body), p.name).toContain('原始 HTML 链接');
      for (const a of elements(body, (e) => e.tagName === 'a')) expect(String(a.properties.href ?? ''), p.name).not.toMatch(/script:|data:/i);
    });
    expect(bodyFor(payloads.find((p) => p.kind === 'url')!)).toContain('[r]:');
  });

  it('feeds are well-formed XML / JSON, parse with an independent parser, and their HTML is inert', async () => {
    expect(xmlProblems(read('sitemap.xml'))).toEqual([]);
    const xmlFeeds = files.filter((f) => f.endsWith('.xml') && f !== 'sitemap.xml');
    const jsonFeeds = files.filter((f) => f.endsWith('feed.json'));
    expect(xmlFeeds).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml']));
    expect(jsonFeeds).toContain('feed.json');
    const problems: string[] = [];
    const check = (where: string, html: string | undefined, asPage = false) => {
      for (const p of activeContent(html ?? '', { base: BASE, page: asPage })) problems.push(`${where}: ${p}`);
    };
    let entries = 0;
    for (const f of xmlFeeds) {
      const xml = read(f);
      for (const p of xmlProblems(xml)) problems.push(`${f}: ${p}`);
      const feed = await parseFeed(xml);
      const isRss = xml.includes('<rss');
      for (const item of feed.items) {
        entries++;
        const fields = item as Record<string, string | undefined>;
        check(`${f} content of "${item.title}"`, isRss ? fields['content:encoded'] : item.content);
        // RSS readers disagree on whether title and description are text or HTML: inert either way.
        if (isRss) for (const field of ['title', 'content']) check(`${f} ${field} of "${item.title}"`, fields[field]);
      }
    }
    for (const f of jsonFeeds) {
      const feed = JSON.parse(read(f)) as { items: { title: string; content_html: string; summary: string }[] };
      for (const item of feed.items) {
        entries++;
        check(`${f} content_html of "${item.title}"`, item.content_html);
      }
    }
    expect(entries).toBeGreaterThan(payloads.length);
    expect(problems).toEqual([]);
  });

  it('an RSS title, description or category read as HTML is plain text, not markup', async () => {
    const feed = await parseFeed(read('feed.xml'));
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      for (const field of [item.title, item.content, ...(item.categories ?? [])]) {
        const tree = fromHtml(field ?? '', { fragment: true });
        expect(tree.children.filter((c) => c.type !== 'text'), field).toEqual([]);
      }
    }
  });

  it('every page passes html-validate (standard)', async () => {
    expect(await validateHtml(out)).toEqual([]);
  });

  it('unknown code-fence languages made of payloads are only warnings, shown as text', () => {
    expect(warnings).toMatch(/warning: unknown code language/);
  });
});

describe('payloads the build refuses', () => {
  for (const p of refused) {
    it(`${p.name}: a positioned content error, nothing published`, () => {
      const project = makeProject({ 'content/posts/ok.md': '---\ntitle: 正常\ndate: 2025-01-01\n---\n\n正文。\n', 'content/posts/bad.md': `---\ntitle: 拒绝\ndate: 2025-01-02\n---\n\n${bodyFor(p)}\n` });
      try {
        const r = folio(project, 'build', '--out', 'out', '--no-search');
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^content\/posts\/bad\.md:\d+:\d+: error: /m);
        expect(listFiles(project).some((f) => f.startsWith('out/'))).toBe(false);
      } finally {
        removeProject(project);
      }
    });
  }
});
