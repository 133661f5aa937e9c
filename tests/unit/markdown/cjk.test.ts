import { describe, expect, it } from 'vitest';
import { renderBody } from '../../helpers/render.ts';

describe('Chinese text around strikethrough and bare URLs', () => {
  it('`~~…~~` next to Chinese punctuation is struck through', () => {
    expect(renderBody('这是~~删除：~~文字').html).toBe('<p>这是<del>删除：</del>文字</p>');
    expect(renderBody('这是~~（括号）~~文字').html).toBe('<p>这是<del>（括号）</del>文字</p>');
  });

  it('a bare URL ends before Chinese punctuation; the sentence after it is text', () => {
    const r = renderBody('论文见 https://arxiv.org/abs/2111.06377。下一句， www.example.org/a，还有');
    expect(r.html).toBe(
      '<p>论文见 <a href="https://arxiv.org/abs/2111.06377">https://arxiv.org/abs/2111.06377</a>。下一句， <a href="http://www.example.org/a">www.example.org/a</a>，还有</p>',
    );
  });

  it('GFM trailing punctuation is still trimmed after the cut; written links are left alone', () => {
    expect(renderBody('见 https://example.org/a.。').html).toBe('<p>见 <a href="https://example.org/a">https://example.org/a</a>.。</p>');
    expect(renderBody('[链接](https://example.org/a。b)').html).toContain('href="https://example.org/a%E3%80%82b"');
    expect(renderBody('<https://example.org/a。b>').html).toContain('href="https://example.org/a%E3%80%82b"');
  });
});
