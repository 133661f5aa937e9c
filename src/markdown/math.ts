import type { Element, ElementContent, Root } from 'hast';
import katex from 'katex';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { renderData } from './file-data.ts';
import { report } from './report.ts';
import { FORMULA_BUDGET, installTokenBudget, sourceOverBudget } from './katex-budget.ts';
import { isStackOverflow } from './nesting.ts';
import { LineIndex } from './positions.ts';

export interface MathOptions {
  /**
   * `error`: a formula KaTeX rejects is a build error. `warning`: it is reported, and the page
   * shows the TeX in a visible error marker (the dev server).
   */
  failOn: 'error' | 'warning';
  /** Rendered formulas shared across documents: the same TeX renders once per process. */
  cache?: Map<string, string>;
}

/** The options every formula is rendered with; part of the cache key by construction. */
export const KATEX_OPTIONS = {
  throwOnError: true,
  // Chinese in math mode renders (authors are told to prefer \text{}), and no strict warnings
  // reach the console.
  strict: 'ignore',
  // Never trust: \href{javascript:…}, \url, \htmlClass and friends stay inert.
  trust: false,
  output: 'htmlAndMathml',
  maxExpand: 1000,
  maxSize: 50,
} as const satisfies katex.KatexOptions;

/**
 * rehype plugin: renders `remark-math` nodes with KaTeX. Unlike rehype-katex, a formula that
 * fails is reported at its own line and column in the Markdown, and the output is inserted as
 * ready HTML instead of being parsed back into a tree (the costliest part of rehype-katex).
 */
export function rehypeMath(options: MathOptions) {
  const cache = options.cache ?? new Map<string, string>();
  installTokenBudget();
  return (tree: Root, file: VFile) => {
    const data = renderData(file);
    const source = String(file.value);
    let lines: LineIndex | undefined;
    visit(tree, 'element', (node, index, parent) => {
      if (parent === undefined || index === undefined) return;
      const code = mathCode(node);
      if (!code) return;
      data.hasMath = true;
      const display = (code.properties.className as string[]).includes('math-display');
      const tex = textOf(code);
      if (hasBareHan(tex)) {
        const at = node.position?.start ?? code.position?.start ?? { line: 1, column: 1 };
        report(file, at, 'Chinese text in math mode: wrap it in \\text{…}; if the $ is meant as a currency sign, write \\$', 'math/cjk-in-math');
      }
      const key = `${display ? 'D' : 'I'}\u0000${tex}`;
      let html = cache.get(key);
      if (html === undefined) {
        try {
          const tooLong = sourceOverBudget(tex);
          if (tooLong) throw new katex.ParseError(tooLong);
          html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display });
          if (html.length > FORMULA_BUDGET.maxOutput) throw new katex.ParseError(`the formula renders to more than ${FORMULA_BUDGET.maxOutput.toLocaleString('en')} characters of HTML`);
          cache.set(key, html);
        } catch (error) {
          const place = errorPlace(code, node, tex, error, source, (lines ??= new LineIndex(source)));
          const reason = error instanceof katex.ParseError ? error.rawMessage : isStackOverflow(error) ? 'the formula nests too deeply' : error instanceof RangeError ? 'the formula expands beyond what can be rendered' : String(error);
          report(file, place, `KaTeX cannot render ${display ? 'display' : 'inline'} math: ${reason}`, 'math/katex', options.failOn);
          parent.children[index] = errorMarker(tex, display, reason);
          return SKIP;
        }
      }
      // A formula with a \label keeps its id (`eq-…`, set by remarkMathRefs) for \eqref links.
      const id = typeof node.properties.id === 'string' ? { id: node.properties.id } : {};
      const wrapped: ElementContent = display
        ? { type: 'element', tagName: 'div', properties: { className: ['math', 'math-display'], ...id }, children: [{ type: 'raw', value: html }] }
        : { type: 'raw', value: html };
      parent.children[index] = wrapped;
      return SKIP;
    });
  };
}

/** `<code class="language-math">` or the `<pre>` around a display one. */
function mathCode(node: Element): Element | undefined {
  const isMath = (n: Element) => n.tagName === 'code' && Array.isArray(n.properties.className) && n.properties.className.includes('language-math');
  if (isMath(node)) return node;
  if (node.tagName === 'pre') {
    const only = node.children.filter((c) => c.type === 'element');
    if (only.length === 1 && only[0]!.type === 'element' && isMath(only[0]!)) return only[0]!;
  }
  return undefined;
}

function textOf(node: Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

function errorPlace(code: Element, outer: Element, tex: string, error: unknown, source: string, lines: LineIndex) {
  const start = outer.position?.start ?? code.position?.start;
  if (!start) return { line: 1, column: 1 };
  const startOffset = start.offset ?? 0;
  const texOffset = tex === '' ? -1 : source.indexOf(tex, startOffset);
  if (texOffset < 0) return { line: start.line, column: start.column };
  const within = error instanceof katex.ParseError && typeof error.position === 'number' ? error.position : 0;
  return lines.at(texOffset + Math.min(within, tex.length));
}

function errorMarker(tex: string, display: boolean, reason: string): Element {
  return {
    type: 'element',
    tagName: display ? 'div' : 'span',
    properties: { className: ['math-error'], title: reason, role: 'note' },
    children: [{ type: 'text', value: tex }],
  };
}

const TEXT_COMMAND = /\\(?:text|textrm|textbf|textit|textsf|texttt|mbox|mathrm|operatorname)\s*\{/y;
const HAN = /\p{Script=Han}/u;

/**
 * Han characters outside \text{…} and friends: usually prose caught between two `$`. One pass
 * over the TeX with a brace depth, so any input takes linear time.
 */
export function hasBareHan(tex: string): boolean {
  if (!HAN.test(tex)) return false;
  let depth = 0;
  // The brace depth at which the enclosing \text{ opened, or -1 outside one.
  let textDepth = -1;
  for (let i = 0; i < tex.length; ) {
    const c = tex[i]!;
    if (c === '\\') {
      TEXT_COMMAND.lastIndex = i;
      const command = textDepth < 0 ? TEXT_COMMAND.exec(tex) : null;
      if (command) {
        textDepth = ++depth;
        i += command[0].length;
      } else i += 2;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') {
      if (depth === textDepth) textDepth = -1;
      depth = Math.max(0, depth - 1);
    } else if (textDepth < 0) {
      const point = String.fromCodePoint(tex.codePointAt(i)!);
      if (HAN.test(point)) return true;
      i += point.length;
      continue;
    }
    i++;
  }
  return false;
}
