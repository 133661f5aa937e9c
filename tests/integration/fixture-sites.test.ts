import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visitParents } from 'unist-util-visit-parents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_IDS } from '../../src/markdown/reserved-ids.ts';
import { englishSite } from '../fixtures/english.ts';
import { folio, listFiles, makeProject, REPO, removeProject } from '../helpers/fixture.ts';
import { xmlProblems } from '../helpers/inert.ts';
import { manyPosts } from '../helpers/many-posts.ts';
import { parseFeed, validateHtml } from '../helpers/validate.ts';

/**
 * Independent checks on every page and feed of the fixture sites: html-validate (preset
 * `standard`) on each page, each feed through a strict XML check and rss-parser (or JSON.parse
 * for JSON Feed), and `folio check` over the output.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));

/** A site: where to run the CLI from (its project) and where the output goes. */
const SITES: Record<string, () => { cwd: string; out: string }> = {
  'the real content/ (at /kb/)': () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'folio-sites-'));
    dirs.push(tmp);
    return { cwd: REPO, out: path.join(tmp, 'out') };
  },
  'the invalid fixture base with its warnings': () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-sites-'));
    dirs.push(dir);
    cpSync(path.join(REPO, 'tests/fixtures/invalid/_base'), dir, { recursive: true });
    cpSync(path.join(REPO, 'tests/fixtures/invalid/warnings'), dir, { recursive: true });
    return { cwd: dir, out: path.join(dir, 'out') };
  },
  'an English site with its own theme, css, head and footer': () => {
    const dir = makeProject(englishSite);
    dirs.push(dir);
    return { cwd: dir, out: path.join(dir, 'out') };
  },
  '120 generated posts (paginated lists)': () => {
    const dir = makeProject(manyPosts(120));
    dirs.push(dir);
    return { cwd: dir, out: path.join(dir, 'out') };
  },
};

for (const [name, make] of Object.entries(SITES)) {
  describe(name, () => {
    const base = name.includes('/kb/') ? '/kb/' : '/';
    let cwd: string;
    let out: string;
    let built: ReturnType<typeof folio>;
    let files: string[] = [];
    beforeAll(() => {
      ({ cwd, out } = make());
      built = folio(cwd, 'build', '--out', out, '--base', base, '--url', 'https://example.org');
      if (built.code === 0) files = listFiles(out);
    });

    it('builds', () => {
      expect(built.stderr.split('\n').filter((l) => l.includes(': error:'))).toEqual([]);
      expect(built.code).toBe(0);
      expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(5);
    });

    it('every page passes html-validate (standard)', async () => {
      expect(await validateHtml(out)).toEqual([]);
    });

    it('every feed is well-formed and parses with an independent parser', async () => {
      const feeds = files.filter((f) => /(^|\/)(feed|atom)\.xml$/.test(f));
      expect(feeds).toEqual(expect.arrayContaining(['feed.xml', 'atom.xml']));
      for (const f of feeds) {
        const xml = readFileSync(path.join(out, f), 'utf8');
        expect(xmlProblems(xml), f).toEqual([]);
        const feed = await parseFeed(xml);
        expect(feed.items.length, f).toBeGreaterThan(0);
        for (const item of feed.items) {
          expect(item.title, f).toBeTruthy();
          expect(item.link, f).toMatch(new RegExp(`^https://example\\.org${base}posts/`));
          expect(Number.isNaN(Date.parse(item.isoDate ?? '')), f).toBe(false);
        }
      }
      expect(xmlProblems(readFileSync(path.join(out, 'sitemap.xml'), 'utf8'))).toEqual([]);
      const json = JSON.parse(readFileSync(path.join(out, 'feed.json'), 'utf8')) as { version: string; items: { id: string; content_html: string }[] };
      expect(json.version).toBe('https://jsonfeed.org/version/1.1');
      expect(json.items.length).toBeGreaterThan(0);
      for (const item of json.items) expect(item.content_html.length).toBeGreaterThan(0);
    });

    it('every id our templates use is reserved, so no heading or raw HTML can take it', () => {
      const ours = new Set<string>();
      for (const f of files.filter((f) => f.endsWith('.html'))) {
        visitParents(fromHtml(readFileSync(path.join(out, f), 'utf8')), 'element', (e: Element, ancestors) => {
          const inContent = ancestors.some((a) => a.type === 'element' && Array.isArray(a.properties.className) && a.properties.className.includes('post-body'));
          if (typeof e.properties.id === 'string' && !inContent) ours.add(e.properties.id);
        });
      }
      expect(ours.size).toBeGreaterThan(1);
      expect([...ours].filter((id) => !TEMPLATE_IDS.has(id) && !/^archive-\d{4}$/.test(id))).toEqual([]);
    });

    it('folio check finds no broken link, and finds one when a page is broken by hand', () => {
      const ok = folio(cwd, 'check', out, '--base', base);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      const page = files.find((f) => f.startsWith('posts/') && f.endsWith('index.html'))!;
      const html = readFileSync(path.join(out, page), 'utf8');
      writeFileSync(path.join(out, page), html.replace('</main>', `<a href="${base}posts/no-such-post/#不存在">坏</a></main>`));
      const bad = folio(cwd, 'check', out, '--base', base);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain(`${page}: broken link ${base}posts/no-such-post/#不存在`);
    });
  });
}
