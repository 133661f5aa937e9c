// "最近更新" lists the most recently changed posts first: a post revised yesterday comes before
// one first published last week. The home page and all three site feeds agree on the order, and
// the revised post carries its "更新于" mark; the archives keep the order of publication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import Parser from 'rss-parser';
import { visit } from 'unist-util-visit';
import { folio, makeProject, post, read, removeProject } from '../helpers/fixture.ts';

describe('最近更新: order by the latest change', () => {
  let project: string;
  const out = () => `${project}/dist`;
  beforeAll(() => {
    project = makeProject({
      'site.config.ts': "export default { title: 'T', url: 'https://example.org' };\n",
      'content/posts/old-revised.md': post({ title: '旧文新修', date: '2026-01-01', updated: '2026-03-20' }, '一月写成，三月修订。'),
      'content/posts/newer.md': post({ title: '三月新作', date: '2026-03-10' }, '三月十日发布，未曾修订。'),
      'content/posts/oldest.md': post({ title: '最早一篇', date: '2025-12-01' }, '十二月的文章。'),
    });
    const built = folio(project, 'build', '--out', out(), '--quiet', '--no-search');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
  });
  afterAll(() => removeProject(project));

  const ORDER = ['旧文新修', '三月新作', '最早一篇'];
  /** The text of every element with the class, in document order. */
  const textsOf = (html: string, cls: string) => {
    const found: string[] = [];
    visit(fromHtml(html), 'element', (e: Element) => {
      if (Array.isArray(e.properties.className) && e.properties.className.includes(cls)) found.push(toString(e));
    });
    return found;
  };

  it('puts a revised post first on the home page, marked as updated', () => {
    const home = read(out(), 'index.html');
    expect(textsOf(home, 'post-summary-title')).toEqual(ORDER);
    expect(textsOf(home, 'post-updated')).toEqual(['更新于 2026-03-20']);
  });

  it('lists the feeds in the same order', async () => {
    const parser = new Parser();
    expect((await parser.parseString(read(out(), 'feed.xml'))).items.map((i) => i.title)).toEqual(ORDER);
    expect((await parser.parseString(read(out(), 'atom.xml'))).items.map((i) => i.title)).toEqual(ORDER);
    expect((JSON.parse(read(out(), 'feed.json')) as { items: { title: string }[] }).items.map((i) => i.title)).toEqual(ORDER);
  });

  it('keeps the archives in the order of publication', () => {
    const links = textsOf(read(out(), 'archives/index.html'), 'archive-month').join('|');
    expect(links.indexOf('三月新作')).toBeLessThan(links.indexOf('旧文新修'));
    expect(links.indexOf('旧文新修')).toBeLessThan(links.indexOf('最早一篇'));
  });
});
