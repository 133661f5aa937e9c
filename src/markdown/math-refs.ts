import { slug } from 'github-slugger';
import type { Link, Root, RootContent, Text } from 'mdast';
import type { Math } from 'mdast-util-math';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { setDisplayTex as setDisplay, setInlineTex as setInline } from './math-source.ts';
import { alignToSource, LineIndex } from './positions.ts';
import { report } from './report.ts';

const LABEL = /\\label\s*\{([^{}]*)\}/g;
const TAG = /\\tag\*?\s*\{((?:[^{}]|\{[^{}]*\})*)\}/;
const REF = /\\(eqref|ref)\s*\{([^{}]*)\}/g;
/** Environments whose rows are numbered one by one (`\\` separates rows). */
const ROWS = /\\begin\s*\{(?:align|alignat|gather|equation|multline|eqnarray|flalign)\*?\}/;

interface Label {
  /** What the equation shows: its `\tag{…}`, or the number given to it here. */
  number: string;
  id: string;
}

/**
 * remark plugin, after remarkMathSource: `\label`, `\eqref` and `\ref` as MathJax authors use
 * them, which KaTeX does not know.
 * - `\label{k}` in display math is removed from the TeX; the formula gets the id `eq-k`. It is
 *   numbered by its `\tag{…}` (KaTeX's own), else by the next number, written as a `\tag`.
 * - `\eqref{k}` and `\ref{k}` in prose, or as a whole inline formula, become links `(1)` to the
 *   formula; inside a larger formula, the number as text.
 * - A reference to a label the post does not have, or a `\label` in inline math, is a warning at
 *   its place, and the text is left as written.
 */
export function remarkMathRefs() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    if (!source.includes('\\label') && !source.includes('ref')) return;
    const labels = new Map<string, Label>();
    let auto = 0;
    visit(tree, 'math', (node: Math) => {
      if (!node.value.includes('\\label')) return;
      const rows = ROWS.test(node.value) ? node.value.split(/(\\\\)/) : [node.value];
      let id: string | undefined;
      const out = rows.map((row) => {
        if (row === '\\\\') return row;
        const tag = TAG.exec(row)?.[1];
        let tagged = tag !== undefined;
        return row.replace(LABEL, (_all, key: string) => {
          const number = tag ?? String(++auto);
          // One id per formula (its first label): every row's reference scrolls to the formula.
          id ??= `eq-${slug(key.trim())}`;
          if (labels.has(key.trim())) report(file, node.position?.start, `\\label{${key}} is used twice; references go to the first`, 'math/label');
          else labels.set(key.trim(), { number, id });
          if (tagged) return '';
          tagged = true;
          return `\\tag{${number}}`;
        });
      });
      setDisplay(node, out.join(''), id);
    });
    let lines: LineIndex | undefined;
    const at = (offset: number) => (lines ??= new LineIndex(source)).at(offset);
    visit(tree, (node, index, parent) => {
      if (node.type === 'inlineMath') {
        const whole = /^\s*\\(eqref|ref)\s*\{([^{}]*)\}\s*$/.exec(node.value);
        if (whole && parent && index !== undefined) {
          const link = refLink(whole[1]!, whole[2]!.trim(), labels, file, node.position?.start);
          if (link) (parent.children as RootContent[])[index] = { ...link, ...(node.position ? { position: node.position } : {}) };
          return SKIP;
        }
        if (node.value.includes('\\label')) {
          report(file, node.position?.start, '\\label only works in display math ($$ on lines of their own); it is removed here', 'math/label');
          setInline(node, node.value.replace(LABEL, ''));
        }
        if (REF.test(node.value)) setInline(node, node.value.replace(REF, (all: string, kind: string, key: string) => inMath(all, kind, key.trim(), labels, file, node.position?.start)));
        REF.lastIndex = 0;
        return SKIP;
      }
      if (node.type === 'math') {
        if (REF.test(node.value)) setDisplay(node, node.value.replace(REF, (all: string, kind: string, key: string) => inMath(all, kind, key.trim(), labels, file, node.position?.start)), (node.data?.hProperties as { id?: string } | undefined)?.id);
        REF.lastIndex = 0;
        return SKIP;
      }
      if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('ref')) return undefined;
      // A reference in a link's text stays text: a link may not hold another.
      if (parent.type === 'link' || parent.type === 'linkReference') return undefined;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const toRaw = start !== undefined && end !== undefined ? alignToSource(node.value, source.slice(start, end)) : undefined;
      const pieces: (Text | Link)[] = [];
      let last = 0;
      for (const m of node.value.matchAll(REF)) {
        const place = toRaw && start !== undefined ? at(start + (toRaw[m.index] ?? 0)) : node.position?.start;
        const link = refLink(m[1]!, m[2]!.trim(), labels, file, place);
        if (!link) continue;
        if (m.index > last) pieces.push({ type: 'text', value: node.value.slice(last, m.index) });
        pieces.push(link);
        last = m.index + m[0].length;
      }
      if (pieces.length === 0) return undefined;
      if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as RootContent[]).splice(index, 1, ...pieces);
      return [SKIP, index + pieces.length];
    });
  };
}

function refLink(kind: string, key: string, labels: Map<string, Label>, file: VFile, place: ReturnType<LineIndex['at']> | undefined): Link | undefined {
  const label = labels.get(key);
  if (!label) {
    report(file, place, `\\${kind}{${key}}: this post has no \\label{${key}} in display math; the reference is shown as written`, 'math/ref');
    return undefined;
  }
  return { type: 'link', url: `#${label.id}`, children: [{ type: 'text', value: kind === 'eqref' ? `(${label.number})` : label.number }] };
}

function inMath(_all: string, kind: string, key: string, labels: Map<string, Label>, file: VFile, place: ReturnType<LineIndex['at']> | undefined): string {
  const label = labels.get(key);
  if (!label) {
    report(file, place, `\\${kind}{${key}}: this post has no \\label{${key}} in display math; shown as (??)`, 'math/ref');
    return '\\text{(??)}';
  }
  return `\\text{${kind === 'eqref' ? `(${label.number})` : label.number}}`;
}
