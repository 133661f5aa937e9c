import { describe, expect, it } from 'vitest';
import { renderBody, where } from '../../helpers/render.ts';

/** The TeX KaTeX was given, from the annotation it leaves in its MathML. */
const tex = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);
const displays = (html: string) => html.match(/<div class="math math-display">/g)?.length ?? 0;

describe('display math as authors write it', () => {
  it('TeX on the line of the opening $$ is kept', () => {
    const r = renderBody('$$L = \\sum_i x_i\n+ \\lambda\n$$');
    expect(tex(r.html)).toEqual(['L = \\sum_i x_i\n+ \\lambda']);
    expect(displays(r.html)).toBe(1);
    expect(r.diagnostics).toEqual([]);
  });

  it('a paragraph that is only $$E=mc^2$$ is display math; $$ inside a sentence stays inline', () => {
    const r = renderBody('$$E=mc^2$$\n\n质能方程 $$E=mc^2$$ 写在句中。');
    expect(displays(r.html)).toBe(1);
    expect(r.html).toMatch(/^<div class="math math-display">/);
    expect(r.html).toMatch(/<p>质能方程 <span class="katex">/);
    expect(r.diagnostics).toEqual([]);
  });

  it('an unclosed $$ is an error at the line where it opened, and nothing after it is read as TeX', () => {
    const r = renderBody('第一段。\n\n$$\nx^2\n\n## 小节\n\n正文。');
    expect(where(r)).toEqual(['3:1 error math/unclosed']);
    expect(r.diagnostics[0]!.message).toContain('add a line with only $$');
    // Shown as written (not a KaTeX error marker lines away).
    expect(r.html).toContain('<pre><code class="language-text">$$\nx^2\n\n## 小节\n\n正文。\n</code></pre>');
  });

  it('a $$ at the end of a TeX line closes the formula (a warning), and the rest of the post is Markdown again', () => {
    const r = renderBody('$$L = \\sum_i x_i\n+ \\lambda$$\n\n## 后面\n\n{% note %} **粗体**');
    expect(tex(r.html)).toEqual(['L = \\sum_i x_i\n+ \\lambda']);
    expect(r.html).toContain('<h2 id="后面">后面');
    expect(r.html).toContain('<strong>粗体</strong>');
    // Places in the re-read rest are the places in the post.
    expect(where(r)).toEqual(['1:1 warning math/closing-fence', '6:1 warning markdown/liquid-tag']);
    expect(r.diagnostics[0]!.message).toContain('the $$ at the end of line 2');
  });

  it('a `…$$` after a blank line does not close it: the error names that line', () => {
    const r = renderBody('$$\\alpha\n\n\\beta$$\n\n后文');
    expect(where(r)).toEqual(['1:1 error math/unclosed']);
    expect(r.diagnostics[0]!.message).toContain('the $$ at line 3 must be on a line of its own');
  });

  it('display math in quotes and list items, closed there, is fine', () => {
    const r = renderBody('> $$\n> a\n> $$\n\n- $$\n  b\n  $$\n- c');
    expect(r.diagnostics).toEqual([]);
    expect(displays(r.html)).toBe(2);
  });

  it('a | that splits a formula in a table cell is a warning suggesting \\vert', () => {
    const r = renderBody('| 记号 | 含义 |\n|---|---|\n| $P(y|x)$ | 条件概率 |\n| $P(y \\vert x)$ | 写对了 |\n| 价格 $5 | 不是公式 |');
    expect(where(r)).toEqual(['3:1 warning math/table-pipe']);
    expect(r.diagnostics[0]!.message).toContain('\\vert');
  });
});
