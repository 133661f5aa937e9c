import { describe, expect, it } from 'vitest';
import { feedHtml } from '../../../src/output/feed-html.ts';

describe('post HTML for feed readers', () => {
  it('makes each real href and src absolute and leaves look-alikes inside other attributes and text alone', () => {
    const html = `<p title='a src="/x.png" b'>see src="/y.png" here</p><img alt="i" src="pic.png" title='href="/z"'><a href="../other/?a=1&amp;b=2#h">o</a>`;
    const out = feedHtml(html, 'https://example.org/kb/posts/a/');
    expect(out).toContain(`title='a src="/x.png" b'`);
    expect(out).toContain('see src="/y.png" here');
    expect(out).toContain('src="https://example.org/kb/posts/a/pic.png"');
    expect(out).toContain(`title='href="/z"'`);
    expect(out).toContain('href="https://example.org/kb/posts/other/?a=1&#x26;b=2#h"');
  });

  it('keeps an attribute value that would break out of its quotes escaped', () => {
    const out = feedHtml('<a href="x&#x22; onmouseover=&#x22;alert(1)">t</a>', 'https://example.org/');
    expect(out).not.toMatch(/ onmouseover=/);
  });
});
