import type { Code, Paragraph, Root, RootContent, Table } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { LineIndex } from './positions.ts';
import { report } from './report.ts';

/** Characters a post may have parsed again after `…$$` closers (a dozen or more in a long post). */
const REPARSE_BUDGET = 300_000;

/** A line that closes display math, after any `>` and indentation of its container. */
const CLOSING_FENCE = /^[ \t>]*\${2,}[ \t]*$/;

/**
 * remark plugin, after remark-math: display math as Hexo, Typora, Obsidian and MathJax authors
 * write it.
 * - TeX on the line of the opening `$$` (`$$L = \sum_i x_i`) is part of the formula; remark-math
 *   took it for an info string, like a code fence's, and dropped it.
 * - A paragraph that is only `$$E=mc^2$$` is display math, not inline math.
 * - `$$` at the end of a TeX line (`$$a` / `b$$`, as MathJax reads it in Hexo posts) closes the
 *   formula, with a warning: Markdown only closes display math with `$$` on a line of its own, so
 *   remark-math read the whole rest of the post as TeX. The rest is parsed again as Markdown.
 * - A `$$` that is never closed is an error at the line where it opened, since everything after it
 *   (to the end of the post, or of its quote or list item) became TeX.
 * - A table cell where a `|` inside `$…$` split the formula is a warning suggesting `\vert`.
 */
export function remarkMathSource(this: Processor) {
  const processor = this;
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    let lines: LineIndex | undefined;
    // Re-parsing after a `…$$` costs the rest of the post, each time: a budget keeps a post made
    // of thousands of them from taking minutes. Past it, the next one is reported as unclosed.
    let reparse = REPARSE_BUDGET;
    visit(tree, (node, index, parent) => {
      if (node.type === 'math') {
        const opener = node.meta?.trim() ? '$$' : '$$\n';
        keepOpeningLine(node);
        if (!parent || index === undefined || isClosed(node, source)) return SKIP;
        const siblings = parent.children as RootContent[];
        const place = node.position!;
        if (parent.type === 'root' && reparse > place.end.offset! - place.start.offset!) {
          reparse -= place.end.offset! - place.start.offset!;
          const recovered = closeAtLineEnd(node, source, processor);
          if (recovered) {
            const closer = recovered[0]!.position!.end.line;
            report(file, place.start, `display math opened here is closed by the $$ at the end of line ${closer}; Markdown needs that $$ on a line of its own (read as meant here)`, 'math/closing-fence');
            siblings.splice(index, 1, ...recovered);
            return [SKIP, index + 1];
          }
        }
        reportUnclosed(node, source, file, (lines ??= new LineIndex(source)));
        // Shown as written, as plain text: KaTeX would only add a misleading error lines away.
        siblings[index] = { type: 'code', lang: 'text', meta: null, value: opener + node.value, position: place } satisfies Code;
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

/** Whether display math ends with a closing `$$` line (remark-math also ends it at the end of the document). */
function isClosed(node: Math, source: string): boolean {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.offset === undefined || end.offset === undefined) return true;
  const text = source.slice(start.offset, end.offset);
  return start.line < end.line && CLOSING_FENCE.test(text.slice(text.lastIndexOf('\n') + 1));
}

/**
 * `$$a` / `b$$` / more Markdown, at the top level of the post: the formula up to the first line
 * ending in `$$` (before any blank line), then the rest parsed as Markdown, its places shifted.
 */
function closeAtLineEnd(node: Math, source: string, processor: Processor): RootContent[] | undefined {
  const start = node.position!.start;
  const endOffset = node.position!.end.offset!;
  const lines = source.slice(start.offset!, endOffset).split('\n');
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.trim() === '') return undefined;
    if (!/\S[ \t]*\$\$[ \t]*$/.test(line)) continue;
    const tex = [lines[0]!.replace(/^[ \t]*\$+/, ''), ...lines.slice(1, k), line.replace(/[ \t]*\$\$[ \t]*$/, '')].join('\n').replace(/^[ \t]*\n/, '');
    const mathEnd = start.offset! + lines.slice(0, k + 1).join('\n').length;
    const math: Math = { type: 'math', meta: null, value: '', position: { start, end: { line: start.line + k, column: line.length + 1, offset: mathEnd } } };
    setDisplayTex(math, tex);
    const restStart = mathEnd + 1;
    if (restStart >= endOffset) return [math];
    const rest = processor.parse(source.slice(restStart, endOffset)) as Root;
    // The rest starts at column 1 of line start.line + k + 1.
    visit(rest, (n) => {
      for (const point of n.position ? [n.position.start, n.position.end] : []) {
        point.line += start.line + k;
        if (point.offset !== undefined) point.offset += restStart;
      }
    });
    return [math, ...rest.children];
  }
  return undefined;
}

function reportUnclosed(node: Math, source: string, file: VFile, lines: LineIndex): void {
  const start = node.position!.start;
  const end = node.position!.end;
  const text = source.slice(start.offset!, end.offset!);
  // `…\lambda$$` after a blank line, or inside a quote or list: not read as the end here.
  const closedInLine = /\S[ \t]*\${2,}[ \t]*$/m.exec(text.slice(text.indexOf('\n') + 1));
  const hint = closedInLine
    ? `; the $$ at line ${lines.at(start.offset! + text.indexOf('\n') + 1 + closedInLine.index).line} must be on a line of its own`
    : '; add a line with only $$ where the formula ends';
  const last = start.line + (text.trimEnd().match(/\n/g)?.length ?? 0);
  report(
    file,
    start,
    `display math opened here with $$ is never closed, so everything after it${start.line === last ? '' : ` (to line ${last})`} is read as TeX${hint}`,
    'math/unclosed',
    'error',
  );
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
