import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folio, listFiles, makeProject, post, removeProject } from '../helpers/fixture.ts';
import { parseFeed, validateHtml } from '../helpers/validate.ts';

/** `aliases`: old paths of a moved blog become redirect pages that lead to the post. */
const site = {
  'content/posts/mae.md': post(
    { title: '"MAE <掩码> & 自编码器"', date: '2025-07-26', aliases: '[2023/09/28/mae/, /archives/mae-old.html, "/2023/09/28/%E4%B8%AD%E6%96%87/"]' },
    'MAE 正文。',
  ),
  'content/posts/bert.md': post({ title: 'BERT', date: '2025-07-20' }, 'BERT 正文。'),
  'content/pages/about.md': post({ title: '关于', aliases: '[/about-me/]' }, '关于本站。'),
};

const elements = (tree: Root, tag: string): Element[] => {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (e.tagName === tag) found.push(e);
  });
  return found;
};

describe('aliases build redirect pages', () => {
  let dir: string;
  let out: string;
  let stderr = '';
  beforeAll(() => {
    dir = makeProject(site);
    out = path.join(dir, 'dist');
    const r = folio(dir, 'build', '--base', '/kb/', '--url', 'https://example.org');
    stderr = r.stderr;
    expect(r.code).toBe(0);
  });
  afterAll(() => removeProject(dir));
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');

  it('writes one page per old path, each leading to the post under the base', () => {
    expect(stderr).toBe('');
    for (const file of ['2023/09/28/mae/index.html', 'archives/mae-old.html', '2023/09/28/中文/index.html']) {
      const tree = fromHtml(read(file)) as Root;
      const refresh = elements(tree, 'meta').find((m) => m.properties.httpEquiv?.toString() === 'refresh');
      expect(refresh?.properties.content, file).toBe('0; url=/kb/posts/mae/');
      const canonical = elements(tree, 'link').find((l) => String(l.properties.rel) === 'canonical');
      expect(canonical?.properties.href).toBe('https://example.org/kb/posts/mae/');
      const links = elements(tree, 'a');
      expect(links.map((a) => [a.properties.href, toString(a)])).toEqual([['/kb/posts/mae/', 'MAE <掩码> & 自编码器']]);
      expect(elements(tree, 'meta').some((m) => m.properties.name === 'robots' && m.properties.content === 'noindex')).toBe(true);
    }
    // The title is text in the page, never markup.
    expect(read('2023/09/28/mae/index.html')).toContain('MAE &#x3C;掩码> &#x26; 自编码器');
    expect(read('about-me/index.html')).toContain('0; url=/kb/about/');
  });

  it('the redirect pages are valid HTML and leave the real post as it was', async () => {
    const problems = (await validateHtml(out)).filter((p) => p.startsWith('2023/') || p.startsWith('archives/mae-old') || p.startsWith('about-me/'));
    expect(problems).toEqual([]);
    expect(read('posts/mae/index.html')).toContain('MAE 正文。');
  });

  it('are left out of the sitemap, the feeds and the search index', async () => {
    const sitemap = read('sitemap.xml');
    expect(sitemap).toContain('https://example.org/kb/posts/mae/');
    expect(sitemap).not.toMatch(/2023|mae-old|about-me/);
    for (const feed of ['feed.xml', 'atom.xml']) {
      const parsed = await parseFeed(read(feed));
      expect(parsed.items.map((i) => i.link)).toEqual(['https://example.org/kb/posts/mae/', 'https://example.org/kb/posts/bert/']);
    }
    expect(read('feed.json')).not.toMatch(/2023\/09|mae-old/);
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages['zh-cn']!.page_count).toBe(2);
    expect(listFiles(out).filter((f) => f.startsWith('2023/') || f.startsWith('archives/mae') || f.startsWith('about-me/'))).toHaveLength(4);
  });
});

describe('alias errors', () => {
  it('a collision with a post, another alias or a generated page is an error at the alias line', () => {
    const colliding = ['/posts/mae/', '/tags/x/', '/archives/', '/posts/bert/', '/fine/'];
    const dir = makeProject({
      'content/posts/mae.md': post({ title: 'MAE', date: '2025-07-26' }, 'x'),
      'content/posts/bert.md': `---\ntitle: BERT\ndate: 2025-07-20\naliases:\n  - /fine/\n${colliding.slice(0, -1).map((a) => `  - ${a}\n`).join('')}---\n\nx\n`,
      'content/posts/later.md': post({ title: 'Later', date: '2025-07-21', aliases: '[/fine/]' }, 'x'),
    });
    try {
      const r = folio(dir, 'build', '--no-search');
      expect(r.code).toBe(1);
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
      const errors = r.stderr.split('\n').filter((l) => l.includes(': error: '));
      expect(errors).toEqual([
        'content/posts/bert.md:6:5: error: alias /posts/mae/ collides with content/posts/mae.md (/posts/mae/); remove it or choose another path',
        'content/posts/bert.md:7:5: error: alias /tags/x/ collides with the pages the site generates under /tags/; remove it or choose another path',
        'content/posts/bert.md:8:5: error: alias /archives/ collides with the archives page; remove it or choose another path',
        'content/posts/bert.md:9:5: error: alias /posts/bert/ collides with this page itself; remove it or choose another path',
        'content/posts/later.md:4:11: error: alias /fine/ collides with the alias in content/posts/bert.md:5; remove it or choose another path',
      ]);
    } finally {
      removeProject(dir);
    }
  });
});
