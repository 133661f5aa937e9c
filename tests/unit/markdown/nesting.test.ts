import { describe, expect, it } from 'vitest';
import { limitLineNesting, MAX_LINE_NESTING, tooDeep } from '../../../src/markdown/nesting.ts';

describe('limitLineNesting', () => {
  it('leaves ordinary Markdown exactly as written', () => {
    const body = '> 引用\n> > 嵌套引用\n\n- 列表\n  - 子列表\n    1. 有序\n\n* * *\n\n普通段落 - 不是列表。\n';
    expect(limitLineNesting(body, 'x.md')).toEqual({ body, diagnostics: [] });
  });

  it(`keeps ${MAX_LINE_NESTING} levels of a deeper line and warns at the first marker it drops`, () => {
    const body = `\n\n${'> '.repeat(1000)}深处`;
    const { body: limited, diagnostics } = limitLineNesting(body, 'x.md');
    expect(limited).toBe(`\n\n${'> '.repeat(MAX_LINE_NESTING)}深处`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'x.md', line: 3, column: 2 * MAX_LINE_NESTING + 1, severity: 'warning', rule: 'markdown/too-deep' });
  });

  it('counts mixed quote and list markers, tight or spaced', () => {
    const { body } = limitLineNesting(`${'>- 1. '.repeat(100)}x`, 'x.md');
    expect(body.endsWith('x')).toBe(true);
    expect(body.match(/>|- |\d\. /g)).toHaveLength(MAX_LINE_NESTING);
  });

  it('never touches fenced code, even inside a quote', () => {
    const art = '- '.repeat(200);
    const body = `\`\`\`text\n${art}\n\`\`\`\n\n> ~~~\n> ${'> '.repeat(100)}\n> ~~~\n`;
    expect(limitLineNesting(body, 'x.md')).toEqual({ body, diagnostics: [] });
  });

  it('never touches indented code', () => {
    const body = `    ${'- '.repeat(200)}\n`;
    expect(limitLineNesting(body, 'x.md').body).toBe(body);
  });
});

describe('tooDeep', () => {
  it('points at the line where raw HTML nests deepest', () => {
    const d = tooDeep(`正文。\n\n<div>\n${'<section>'.repeat(5000)}x`, 'x.md');
    expect(d).toMatchObject({ line: 4, column: 1, severity: 'error', rule: 'markdown/too-deep' });
  });
});
