import { describe, expect, it } from 'vitest';
import { renderBody, where } from '../../helpers/render.ts';

const tex = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);

describe('\\tag, \\label, \\eqref and \\ref', () => {
  it('\\tag is KaTeX\'s own: the number shows beside the formula', () => {
    const r = renderBody('$$\na = b \\tag{A}\n$$');
    expect(r.html).toContain('class="katex-tag"');
    expect(r.diagnostics).toEqual([]);
  });

  it('a labelled formula gets an id and a number; \\eqref in prose links to it', () => {
    const r = renderBody('$$\nE = mc^2 \\label{eq:e}\n$$\n\n$$\na = b \\tag{A} \\label{eq:a}\n$$\n\n由 \\eqref{eq:e} 与 $\\ref{eq:a}$ 可得 $x = \\eqref{eq:e}$。');
    expect(r.diagnostics).toEqual([]);
    expect(r.html).toContain('<div class="math math-display" id="eq-eqe">');
    expect(r.html).toContain('<div class="math math-display" id="eq-eqa">');
    expect(tex(r.html)).toEqual(['E = mc^2 \\tag{1}', 'a = b \\tag{A} ', 'x = \\text{(1)}']);
    expect(r.html).toContain('由 <a href="#eq-eqe">(1)</a> 与 <a href="#eq-eqa">A</a> 可得');
    expect(r.headingIds).toEqual(expect.arrayContaining(['eq-eqe', 'eq-eqa']));
  });

  it('rows of an align environment are numbered one by one and all link to the formula', () => {
    const r = renderBody('$$\n\\begin{align}\nx &= 1 \\label{r1} \\\\\ny &= 2 \\label{r2}\n\\end{align}\n$$\n\n见 \\eqref{r2}。');
    expect(tex(r.html)[0]).toBe('\\begin{align}\nx &amp;= 1 \\tag{1} \\\\\ny &amp;= 2 \\tag{2}\n\\end{align}');
    expect(r.html).toContain('见 <a href="#eq-r1">(2)</a>。');
  });

  it('a reference to a missing label, and \\label in inline math, are warnings at their place', () => {
    const r = renderBody('正文 \\eqref{nope}。\n\n行内 $x \\label{a}$，公式内 $y = \\ref{nope}$。');
    expect(where(r)).toEqual(['1:4 warning math/ref', '3:4 warning math/label', '3:22 warning math/ref']);
    expect(r.html).toContain('正文 \\eqref{nope}。');
    expect(tex(r.html)).toEqual(['x ', 'y = \\text{(??)}']);
  });

  it('a reference inside a link\'s text is left as text (no link in a link)', () => {
    const r = renderBody('$$\na \\label{k}\n$$\n\n[见 \\eqref{k}](https://example.org)');
    expect(r.html).toContain('<a href="https://example.org">见 \\eqref{k}</a>');
  });
});
