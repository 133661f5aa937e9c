import { describe, expect, it } from 'vitest';
import { aliasPath } from '../../../src/content/aliases.ts';
import { parseSource } from '../../../src/content/frontmatter.ts';

describe('aliases in frontmatter', () => {
  it('normalises old paths to site paths: folders end in /, .html files stay files, %-escapes decoded', () => {
    const r = parseSource('---\ntitle: t\ndate: 2026-01-11\naliases:\n  - 2023/09/28/mae\n  - /archives/12.html\n  - /2023/09/28/%E4%B8%AD%E6%96%87/\n  - /2023/09/28/mae/\n---\n', 'p.md', 'UTC');
    expect(r.diagnostics).toEqual([]);
    expect(r.data?.aliases).toEqual(['/2023/09/28/mae/', '/archives/12.html', '/2023/09/28/中文/']);
    // Each alias keeps its line for collision errors found later.
    expect(r.places['aliases.1']).toEqual({ line: 6, column: 5 });
  });

  it('accepts one alias written as a string, and defaults to none', () => {
    expect(parseSource('---\ntitle: t\ndate: 2026-01-11\naliases: /old/\n---\n', 'p.md', 'UTC').data?.aliases).toEqual(['/old/']);
    expect(parseSource('---\ntitle: t\ndate: 2026-01-11\n---\n', 'p.md', 'UTC').data?.aliases).toEqual([]);
  });

  it.each([
    ['https://evil.example/x/', 'not a URL'],
    ['//evil.example/x/', 'not a URL'],
    ['javascript:alert(1)', 'not a URL'],
    ['/a/../../etc/', '"." or ".." segments'],
    ['/a/%2e%2e/b/', '"." or ".." segments'],
    ['/x/"><script>alert(1)</script>', 'a character a path may not hold'],
    ['/x?y=1', 'a character a path may not hold'],
    ['/a//b/', 'empty segment'],
    ['/', 'is the home page'],
    ['', 'is empty'],
  ])('refuses %j', (alias, why) => {
    const result = aliasPath(alias);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(why);
  });

  it('points a refused alias or a non-text item at its line, and loads nothing', () => {
    const r = parseSource('---\ntitle: t\ndate: 2026-01-11\naliases:\n  - /fine/\n  - "https://evil.example/"\n  - 12\n---\n', 'p.md', 'UTC');
    expect(r.data).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [6, 5, 'frontmatter/aliases'],
      [7, 5, 'frontmatter/aliases'],
    ]);
    expect(r.diagnostics[0]!.message).toContain('aliases: item 2 ("https://evil.example/") must be a path on this site');
  });
});
