import { describe, expect, it } from 'vitest';
import { renderBody } from '../../helpers/render.ts';

describe('headings with math', () => {
  it('keep the TeX in their id and table-of-contents entry', () => {
    const r = renderBody('## 计算输出值 $h_t$\n\n### 损失 $\\mathcal{L}$ 的梯度');
    expect(r.toc).toEqual([
      { depth: 2, id: '计算输出值-h_t', text: '计算输出值 h_t' },
      { depth: 3, id: '损失-mathcall-的梯度', text: '损失 \\mathcal{L} 的梯度' },
    ]);
    expect(r.html).toContain('<h2 id="计算输出值-h_t">计算输出值 <span class="katex">');
    expect(r.headingIds).toContain('计算输出值-h_t');
  });
});
