import { describe, expect, it } from 'vitest';
import { createProcessor } from '../../../src/markdown/processor.ts';
import { renderDocument } from '../../../src/markdown/render.ts';

const processor = createProcessor({ math: { failOn: 'error' } });
const excerptOf = (body: string) =>
  renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body, sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' }).excerpt;

describe('excerpts', () => {
  it('is the text before <!-- more -->, without an ellipsis', () => {
    expect(excerptOf('第一段**加粗**。\n\n第二段。\n\n<!-- more -->\n\n后文。')).toBe('第一段加粗。第二段。');
  });

  it('short bodies are kept whole', () => {
    expect(excerptOf('## 标题\n\n一句话。')).toBe('一句话。');
  });

  it('cuts long text near 160 characters at a word boundary and ends with …', () => {
    const text = '自监督学习从数据本身获得监督信号。'.repeat(20);
    const e = excerptOf(text);
    expect(e.endsWith('…')).toBe(true);
    expect([...e].length).toBeLessThanOrEqual(161);
    expect([...e].length).toBeGreaterThan(120);
    expect(text.startsWith(e.slice(0, -1))).toBe(true);
  });

  it('never cuts inside a formula, an English word or a surrogate pair', () => {
    const formula = '$\\mathcal{L}_{\\text{InfoNCE}} = -\\log \\frac{\\exp(q \\cdot k_+ / \\tau)}{\\sum_i \\exp(q \\cdot k_i / \\tau)}$';
    const body = `${'中'.repeat(140)} ${formula} 之后的文字。`;
    const e = excerptOf(body);
    expect(e.includes('\\frac') ? e.includes('k_i / \\tau)}') : true).toBe(true);
    const words = excerptOf(`${'字'.repeat(150)} contrastive representation learning`);
    expect(words).toMatch(/(字|contrastive|representation)…$/);
    const emoji = excerptOf('😀'.repeat(200));
    expect(emoji.endsWith('😀…')).toBe(true);
  });
});

describe('math diagnostics', () => {
  const render = (body: string) =>
    renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body, sitePath: '/posts/a/', docPaths: {}, contentDir: '/nonexistent', base: '/' });

  it('warns about Chinese caught between two dollar signs, at the formula', () => {
    const r = render('第一行\n\n价格 $5 和 $6 元。');
    expect(r.diagnostics).toEqual([expect.objectContaining({ line: 3, column: 4, severity: 'warning', rule: 'math/cjk-in-math' })]);
  });

  it('accepts Chinese inside \\text{}', () => {
    expect(render('$\\text{掩码率} = 0.75$ 与 $x_{\\text{编码器}}$').diagnostics).toEqual([]);
  });
});
