import { describe, expect, it } from 'vitest';
import { normalizeScheme } from '../../../src/markdown/schemes.ts';
import { renderBody, where } from '../../helpers/render.ts';

const HREF = ['http', 'https', 'mailto'];

describe('URLs reach the sanitiser as a browser reads them', () => {
  it('an allowed scheme in capitals keeps its link (CommonMark example: <MAILTO:FOO@BAR.BAZ>)', () => {
    const r = renderBody('写信 <MAILTO:FOO@BAR.BAZ> 或 [主页](HTTPS://example.org/a)');
    expect(r.html).toContain('<a href="mailto:FOO@BAR.BAZ">MAILTO:FOO@BAR.BAZ</a>');
    expect(r.html).toContain('<a href="https://example.org/a">主页</a>');
    expect(r.diagnostics).toEqual([]);
  });

  it('text before a colon that is no scheme is a relative link, checked like any other (`[link](foo\\)\\:)`)', () => {
    expect(normalizeScheme('foo):', HREF)).toBe('./foo):');
    const r = renderBody('[link](foo\\)\\:)');
    // Before: the sanitiser took `foo)` for a scheme and dropped the href without a word.
    expect(where(r)).toEqual(['1:1 error link/missing-file']);
    expect(r.diagnostics[0]!.message).toContain('foo):');
  });

  it('script schemes stay removed in any spelling, and the author is told', () => {
    for (const url of ['JavaScript:alert(1)', 'java\tscript:alert(1)', ' \u0001javascript:alert(1)', 'VBSCRIPT:x', 'data:text/html,x']) {
      // Left exactly as written, for the sanitiser to remove.
      expect(normalizeScheme(url, HREF), url).toBe(url);
      const r = renderBody(`<a href="${url.replace(/\t/g, '&#9;').replace(/\u0001/g, '&#1;')}">链接</a>`);
      expect(r.html, url).toBe('<p><a>链接</a></p>');
      expect(where(r), url).toEqual(['1:1 warning html/removed']);
    }
  });

  it('relative and fragment URLs are untouched', () => {
    for (const url of ['./a.md', '/search/?q=a:b', '#x:y', 'a/b:c', '?q=1:2']) expect(normalizeScheme(url, HREF)).toBe(url);
  });
});
