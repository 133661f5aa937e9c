import type { Code, Paragraph, Root, RootContent, Table } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { LineIndex } from './positions.ts';
import { report } from './report.ts';

/** A line that closes display math, after any `>` and indentation of its container. */
const CLOSING_FENCE = /^[ \t>]*\${2,}[ \t]*$/;

/**
 * remark plugin, after remark-math: display math as Hexo, Typora, Obsidian and MathJax authors
 * write it.
 * - TeX on the line of the opening `$$` (`$$L = \sum_i x_i`) is part of the formula; remark-math
 *   took it for an info string, like a code fence's, and dropped it.
 * - A paragraph that is only `$$E=mc^2$$` is display math, not inline math.
 * - A `$$` that is never closed is an error at the line where it opened, since everything after it
 *   (to the end of the post, or of its quote or list item) became TeX.
 * - A table cell where a `|` inside `$…$` split the formula is a warning suggesting `\vert`.
 */
export function remarkMathSource() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    let lines: LineIndex | undefined;
    visit(tree, (node, index, parent) => {
      if (node.type === 'math') {
        const opener = node.meta?.trim() ? '$$' : '$$\n';
        keepOpeningLine(node);
        if (parent && index !== undefined && unclosed(node, source, file, (lines ??= new LineIndex(source)))) {
          // Shown as written, as plain text: KaTeX would only add a misleading error lines away.
          const code: Code = { type: 'code', lang: 'text', meta: null, value: opener + node.value, ...(node.position ? { position: node.position } : {}) };
          (parent.children as RootContent[])[index] = code;
        }
        return SKIP;
      }
      if (node.type === 'paragraph' && parent && index !== undefined) {
        const math = oneLineDisplay(node, source);
        if (math) {
          (parent.children as RootContent[])[index] = math;
          return SKIP;
        }
      }
      if (node.type === 'table') splitFormulas(node, file);
      return undefined;
    });
  };
}

function keepOpeningLine(node: Math): void {
  const meta = node.meta?.trim();
  if (!meta) return;
  setDisplayTex(node, node.value === '' ? meta : `${meta}\n${node.value}`);
  node.meta = null;
}

/** Reports a `$$` that is never closed; true when it is not. */
function unclosed(node: Math, source: string, file: VFile, lines: LineIndex): boolean {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return false;
  const text = source.slice(start.offset, end.offset);
  const last = text.slice(text.lastIndexOf('\n') + 1);
  if (start.line < end.line && CLOSING_FENCE.test(last)) return false;
  // `…\lambda$$`: the author closed it at the end of a TeX line, which Markdown does not read as a fence.
  const closedInLine = /\S[ \t]*\${2,}[ \t]*$/m.exec(text.slice(text.indexOf('\n') + 1));
  const hint = closedInLine
    ? `; the $$ at line ${lines.at(start.offset + text.indexOf('\n') + 1 + closedInLine.index).line} must be on a line of its own`
    : '; add a line with only $$ where the formula ends';
  report(
    file,
    start,
    `display math opened here with $$ is never closed, so everything after it${start.line === end.line ? '' : ` (to line ${end.line})`} is read as TeX${hint}`,
    'math/unclosed',
    'error',
  );
  return true;
}

/** A paragraph holding only `$$…$$` (written on one line, or several) becomes display math. */
function oneLineDisplay(node: Paragraph, source: string): Math | undefined {
  const [only, ...rest] = node.children;
  if (only?.type !== 'inlineMath' || rest.length > 0) return undefined;
  const start = only.position?.start.offset;
  const end = only.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const written = source.slice(start, end);
  if (!written.startsWith('$$') || !written.endsWith('$$')) return undefined;
  const math: Math = { type: 'math', meta: null, value: '', ...(node.position ? { position: node.position } : {}) };
  setDisplayTex(math, only.value);
  return math;
}

/** Sets a display formula's TeX where remark-rehype reads it (remark-math keeps a copy in `data`). */
export function setDisplayTex(node: Math, value: string, id?: string): void {
  node.value = value;
  node.data = {
    hName: 'pre',
    ...(id ? { hProperties: { id } } : {}),
    hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
  };
}

/** Sets an inline formula's TeX, likewise. */
export function setInlineTex(node: InlineMath, value: string): void {
  node.value = value;
  node.data = { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value }] };
}

const UNESCAPED_DOLLAR = /(?<!\\)\$/g;

function splitFormulas(table: Table, file: VFile): void {
  for (const row of table.children) {
    const cells = row.children;
    for (let i = 0; i + 1 < cells.length; i++) {
      const open = dollarsOutsideMath(cells[i]!.children);
      if (open % 2 === 1 && dollarsOutsideMath(cells[i + 1]!.children) > 0) {
        report(
          file,
          cells[i]!.position?.start,
          'a `|` inside $…$ splits this table cell, so the formula is not rendered (and a cell may be lost); write \\vert (or \\mid for "given") instead of |',
          'math/table-pipe',
        );
        break;
      }
    }
  }
}

function dollarsOutsideMath(children: readonly (RootContent | InlineMath)[]): number {
  let n = 0;
  for (const child of children) {
    if (child.type === 'text') n += child.value.match(UNESCAPED_DOLLAR)?.length ?? 0;
    else if ('children' in child) n += dollarsOutsideMath(child.children as RootContent[]);
  }
  return n;
}
