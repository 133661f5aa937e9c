import { describe, expect, it } from 'vitest';
import { renderBody, where } from '../../helpers/render.ts';

describe('an unclosed <title>, <script>, <style>… is text, not a trap for the rest of the block', () => {
  it('`<script>` written in prose shows as written, and the sentence after it stays', () => {
    const r = renderBody('引入脚本要用 <script> 标签，**放在**页尾。');
    expect(r.html).toBe('<p>引入脚本要用 &#x3C;script> 标签，<strong>放在</strong>页尾。</p>');
    expect(where(r)).toEqual(['1:8 warning html/unclosed-raw-text']);
    expect(r.diagnostics[0]!.message).toContain('`<script>`');
  });

  it('`<title>` does not swallow the rest of its block or the next paragraph', () => {
    const r = renderBody('网页的 <title>x 标签，**粗体**还在。\n\n下一段 *强调*。');
    expect(r.html).toContain('&#x3C;title>x 标签，<strong>粗体</strong>还在。');
    expect(r.html).toContain('<p>下一段 <em>强调</em>。</p>');
    expect(where(r)).toEqual(['1:5 warning html/unclosed-raw-text']);
  });

  it('an HTML block opened by an unclosed <textarea> keeps the rest of the post', () => {
    const r = renderBody('前文\n\n<textarea>\n输入\n\n## 小节\n\n正文');
    expect(r.html).toContain('&#x3C;textarea>');
    expect(r.html).toContain('正文');
    expect(where(r)).toEqual(['3:1 warning html/unclosed-raw-text']);
  });

  it('a closed <title> is an element (its text kept, the tag reported), not text', () => {
    const r = renderBody('段落 <title>标题</title> 之后');
    expect(r.html).toBe('<p>段落 标题 之后</p>');
    expect(where(r)).toEqual(['1:4 warning html/removed']);
  });

  it('a closed <script> and <style> go with their content, each reported at its line', () => {
    const r = renderBody('前文\n\n<style>p{color:red}</style>\n\n<script>alert(1)</script>\n\n后文 <script>alert(2)</script> 行内');
    expect(r.html).toBe('<p>前文</p>\n\n\n<p>后文  行内</p>');
    expect(where(r)).toEqual(['3:1 warning html/removed', '5:1 warning html/removed', '7:4 warning html/removed']);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/<style> is removed with its content[^\n]*css/);
  });
});
