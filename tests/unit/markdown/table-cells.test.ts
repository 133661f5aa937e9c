import { describe, expect, it } from 'vitest';
import { renderBody, where } from '../../helpers/render.ts';

describe('table rows wider than the header', () => {
  it('the cells GFM would drop are an error at the first of them', () => {
    const r = renderBody('| a | b |\n|---|---|\n| 1 | 2 | 3 | 4 |\n| 5 |');
    expect(where(r)).toEqual(['3:9 error table/extra-cells']);
    expect(r.diagnostics[0]!.message).toContain('the last 2 cells are not shown');
  });

  it('a row split by a | inside a formula gets only the formula warning', () => {
    const r = renderBody('| a |\n|---|\n| $P(y|x)$ |');
    expect(where(r)).toEqual(['3:1 warning math/table-pipe']);
  });
});
