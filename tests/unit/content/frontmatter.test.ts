import { describe, expect, it } from 'vitest';
import { closest, parseSource } from '../../../src/content/frontmatter.ts';

const parse = (src: string) => parseSource(src, 'p.md', 'Asia/Shanghai');

describe('frontmatter', () => {
  it('parses the documented fields', () => {
    const r = parse('---\ntitle: 标题\ndate: 2026-01-11\nupdated: 2026-02-01\ntags: [BERT, 自监督学习]\ncategory: 自监督学习\nseries: 系列\nseriesOrder: 2\nsummary: 摘要\nslug: my-post\ndraft: false\n---\n\n正文\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toMatchObject({ title: '标题', tags: ['BERT', '自监督学习'], category: '自监督学习', series: '系列', seriesOrder: 2, summary: '摘要', slug: 'my-post', draft: false });
    expect(r.data?.date?.toISOString()).toBe('2026-01-10T16:00:00.000Z');
  });

  it('keeps body line numbers equal to file line numbers', () => {
    const r = parse('---\ntitle: t\ndate: 2026-01-11\n---\nline five\n');
    expect(r.body.split('\n')[4]).toBe('line five');
  });

  it('keeps the whole body after the block, whatever follows the closing line', () => {
    // A rule (`---`) and a second block in the body, a closing line with trailing spaces, no
    // final newline: the body is the file after the block, line for line.
    const tail = '正文\n\n---\n\n---\ntitle: 不是 frontmatter\n---\n末行';
    for (const close of ['---\n', '---   \n', '---\t\n']) {
      const src = `---\ntitle: t\ndate: 2026-01-11\n${close}${tail}`;
      const r = parse(src);
      expect(r.diagnostics).toEqual([]);
      // What follows `---` on the closing line stays, as gray-matter leaves it.
      expect(r.body).toBe(`\n\n\n${close.slice(3)}${tail}`);
      expect(r.body.split('\n').length).toBe(src.split('\n').length);
    }
    expect(parse('---\ntitle: t\ndate: 2026-01-11\n---').body).toBe('\n\n\n');
    expect(parse('---\ntitle: t\ndate: 2026-01-11\n---\n').body).toBe('\n\n\n\n');
  });

  it('points an unknown field at its line, with a suggestion', () => {
    const r = parse('---\ntitle: t\ndate: 2026-01-11\ntgas: [a]\n---\n');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 4, column: 1, rule: 'frontmatter/unknown-field' });
    expect(r.diagnostics[0]!.message).toContain('did you mean "tags"');
  });

  it('reports a missing title and date', () => {
    const r = parse('---\ntags: [a]\n---\n');
    const messages = r.diagnostics.map((d) => d.message).join('\n');
    expect(messages).toContain('title is required');
    expect(messages).toContain('date is required');
  });

  it('points a non-string tag at the item', () => {
    const r = parse('---\ntitle: t\ndate: 2026-01-11\ntags:\n  - ok\n  - 42\n---\n');
    expect(r.diagnostics[0]).toMatchObject({ line: 6, rule: 'frontmatter/tags' });
  });

  it('points an unclosed quote at the line where it opened', () => {
    const r = parse('---\ntitle: "未闭合\ndate: 2026-01-11\ntags: [a]\n---\n');
    expect(r.diagnostics[0]).toMatchObject({ line: 2, rule: 'frontmatter/yaml' });
  });

  it('rejects slugs that are paths', () => {
    for (const slug of ['../x', 'a/b', 'A B', '-x']) {
      const r = parse(`---\ntitle: t\ndate: 2026-01-11\nslug: "${slug}"\n---\n`);
      expect(r.diagnostics[0], slug).toMatchObject({ line: 4, rule: 'frontmatter/slug' });
    }
    expect(parse('---\ntitle: t\ndate: 2026-01-11\nslug: 掩码-mae-2\n---\n').diagnostics).toEqual([]);
  });

  it('requires a frontmatter block', () => {
    expect(parse('# 没有 frontmatter\n').diagnostics[0]).toMatchObject({ line: 1, rule: 'frontmatter/missing' });
  });

  it('suggests only close names', () => {
    expect(closest('tgas', ['title', 'tags'])).toBe('tags');
    expect(closest('categroy', ['category', 'tags'])).toBe('category');
    expect(closest('foo', ['category', 'tags'])).toBeUndefined();
  });
});
