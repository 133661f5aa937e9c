import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { folio, listFiles, makeProject, removeProject, writeFiles } from '../helpers/fixture.ts';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

function project(extra: Record<string, string>): string {
  const dir = makeProject({ ...basicSite, ...extra });
  projects.push(dir);
  return dir;
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f), 'base64')]));
}

describe('content errors from the CLI', () => {
  it('an unknown frontmatter key fails the build at the key line, and keeps the previous output', () => {
    const dir = project({});
    expect(folio(dir, 'build', '--out', 'out', '--no-search').code).toBe(0);
    const before = snapshot(path.join(dir, 'out'));
    writeFiles(dir, { 'content/posts/typo.md': '---\ntitle: 拼写错误\ndate: 2026-01-01\ntgas: [BERT]\n---\n\n正文。\n' });
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/posts/typo.md:4:1: error: unknown frontmatter field "tgas" (did you mean "tags"?)');
    // A code frame points at the line.
    expect(r.stderr).toMatch(/> 4 \| tgas: \[BERT\]/);
    expect(snapshot(path.join(dir, 'out'))).toEqual(before);
  });

  it('a broken inline formula fails the build at the formula line and column', () => {
    const dir = project({ 'content/posts/bad-math.md': '---\ntitle: 坏公式\ndate: 2026-01-01\n---\n\n第一行。\n\n这里有 $\\frac{1}{$ 一个坏公式。\n' });
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/posts\/bad-math\.md:8:\d+: error: KaTeX cannot render inline math/);
  });

  it('a broken display formula is reported on its own line', () => {
    const dir = project({ 'content/posts/bad-display.md': '---\ntitle: 坏公式\ndate: 2026-01-01\n---\n\n$$\na = b\n\\sum_{i\n$$\n' });
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-display\.md:(8|9):\d+: error: KaTeX cannot render display math/);
  });

  it('reports every problem of a run together', () => {
    const dir = project({
      'content/posts/a.md': '---\ntitle: A\n---\n\n缺日期。\n',
      'content/posts/b.md': '---\ntitle: B\ndate: 2026-02-30\n---\n\n不存在的日期。\n',
      'content/posts/c.md': '---\ntitle: C\ndate: 2026-01-01\ntags: [ok, 42]\n---\n\n数字标签。\n',
      'content/posts/d.md': '---\ntitle: D\ndate: 2026-01-01\nslug: mae\n---\n\n重复的 slug。\n',
      'content/posts/e.md': '---\ntitle: E\ndate: 2026-01-01\nslug: ../evil\n---\n\n路径。\n',
    });
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/posts\/a\.md:2:1: error: date is required/);
    expect(r.stderr).toMatch(/content\/posts\/b\.md:3:1: error: date: "2026-02-30" is not a real date/);
    expect(r.stderr).toMatch(/content\/posts\/c\.md:4:\d+: error: tags: item 2/);
    expect(r.stderr).toMatch(/content\/posts\/d\.md:4:1: error: duplicate slug "mae"/);
    expect(r.stderr).toMatch(/content\/posts\/e\.md:4:1: error: slug "\.\.\/evil" is not a plain slug/);
    expect(r.stderr).toContain('5 errors');
  });

  it('an unknown code language is a warning, not an error; --strict makes it fail', () => {
    const dir = project({ 'content/posts/lang.md': '---\ntitle: 语言\ndate: 2026-01-01\n---\n\n```klingon\nqapla\n```\n' });
    const ok = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/lang\.md:6:1: warning: unknown code language "klingon"/);
    expect(folio(dir, 'build', '--out', 'out2', '--no-search', '--strict').code).toBe(1);
  });

  it('usage errors exit 2', () => {
    const dir = project({});
    expect(folio(dir, 'build', '--bogus').code).toBe(2);
    expect(folio(dir, 'frobnicate').code).toBe(2);
  });
});
