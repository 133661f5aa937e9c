import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { listFiles, read, REPO, removeProject } from '../helpers/fixture.ts';
import { parseFeed } from '../helpers/validate.ts';

const MAE = path.join(REPO, 'content/posts/self-supervised/mae.md');

function sections(html: string, className: string): Element[] {
  const found: Element[] = [];
  visit(fromHtml(html) as Root, 'element', (e: Element) => {
    if (Array.isArray(e.properties.className) && e.properties.className.includes(className)) found.push(e);
  });
  return found;
}

const hrefs = (e: Element): string[] => {
  const out: string[] = [];
  visit(e, 'element', (a: Element) => {
    if (a.tagName === 'a') out.push(String(a.properties.href));
  });
  return out;
};

/** The knowledge-base features on the shipped content: what a reader of the published site sees. */
describe.runIf(existsSync(MAE))('the shipped content as a knowledge base', () => {
  let out: string;
  beforeAll(async () => {
    out = path.join(mkdtempSync(path.join(tmpdir(), 'folio-content-')), 'dist');
    const result = await build({ root: REPO, outDir: out, search: false, cache: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });
  afterAll(() => removeProject(path.dirname(out)));

  it('at least two posts link to the MAE post, and its page lists them with context', () => {
    expect(sections(read(out, 'posts/mae/index.html'), 'backlinks')).toHaveLength(1);
    const items = sections(read(out, 'posts/mae/index.html'), 'backlink');
    expect(items.length).toBeGreaterThanOrEqual(2);
    const sources = items.map((item) => hrefs(item)[0]);
    expect(new Set(sources).size).toBe(items.length);
    for (const href of sources) expect(href).toMatch(/^\/posts\/[^/]+\/$/);
    expect(sources).not.toContain('/posts/mae/');
    const contexts = sections(read(out, 'posts/mae/index.html'), 'backlink-context').map((p) => toString(p));
    expect(contexts.length).toBeGreaterThanOrEqual(2);
    expect(contexts.every((c) => c.length > 5)).toBe(true);
  });

  it('the series shows on at least six posts, each marking itself', () => {
    const marked = listFiles(out)
      .filter((f) => /^posts\/[^/]+\/index\.html$/.test(f))
      .filter((f) => {
        const [nav] = sections(read(out, f), 'series-nav');
        if (!nav) return false;
        let current = '';
        visit(nav, 'element', (a: Element) => {
          if (a.properties.ariaCurrent === 'page') current = String(a.properties.href);
        });
        return `${current.replace(/^\//, '')}index.html` === f;
      });
    expect(marked.length).toBeGreaterThanOrEqual(6);
  });

  it('the MAE post shows related posts', () => {
    const [related] = sections(read(out, 'posts/mae/index.html'), 'related');
    expect(related).toBeDefined();
    expect(toString(related!)).toContain('相关文章');
    const links = hrefs(related!);
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect(links.length).toBeLessThanOrEqual(5);
    expect(links).not.toContain('/posts/mae/');
  });

  it('every tag and category has a feed that parses', async () => {
    const files = listFiles(out);
    const tagPages = files.filter((f) => /^tags\/[^/]+\/index\.html$/.test(f));
    expect(tagPages.length).toBeGreaterThan(5);
    for (const page of [...tagPages, ...files.filter((f) => /^categories\/[^/]+\/index\.html$/.test(f))]) {
      expect(files).toContain(page.replace(/index\.html$/, 'feed.xml'));
    }
    const feed = await parseFeed(read(out, 'tags/mae/feed.xml'));
    const links = feed.items.map((i) => i.link ?? '');
    expect(links.some((l) => l.endsWith('/posts/mae/'))).toBe(true);
    for (const l of links) expect(l).toMatch(/^https?:\/\/[^/]+\/.*posts\/[^/]+\/$/);
  });
});
