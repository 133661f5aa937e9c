import type { Link, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** CJK punctuation and full-width forms: never part of a URL an author leaves bare in Chinese prose. */
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;
/** What GFM trims from the end of a bare URL (`https://x.org/a.` ends before the `.`). */
const TRAILING = /[?!.,:*_~]+$/;

/**
 * remark plugin, after remark-gfm: a bare URL ends where Chinese punctuation starts. GFM ends a
 * bare URL only at whitespace, so `见 https://arxiv.org/abs/2111.06377。下一句` linked the full
 * stop and the next sentence. Links written as `<…>` or `[…](…)` are left as written.
 */
export function remarkCjkAutolink() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'link', (node: Link, index, parent) => {
      if (!parent || index === undefined || !isBare(node, source)) return;
      const text = node.children[0] as Text;
      const cut = text.value.search(CJK_PUNCTUATION);
      if (cut <= 0) return;
      const kept = text.value.slice(0, cut).replace(TRAILING, '');
      if (kept === '' || !node.url.endsWith(text.value)) return;
      const rest = text.value.slice(kept.length);
      node.url = node.url.slice(0, node.url.length - text.value.length) + kept;
      text.value = kept;
      const end = node.position?.end;
      const start = node.position?.start;
      const split = start && start.offset !== undefined ? { line: start.line, column: start.column + kept.length, offset: start.offset + kept.length } : undefined;
      if (split && end) {
        node.position = { start: start!, end: split };
        text.position = { start: start!, end: split };
      }
      const after: Text = { type: 'text', value: rest, ...(split && end ? { position: { start: split, end } } : {}) };
      parent.children.splice(index + 1, 0, after);
      return [SKIP, index + 2];
    });
  };
}

/** A GFM autolink literal: one text child equal to the source, not `<…>` or `[…]`. */
function isBare(node: Link, source: string): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (only?.type !== 'text') return false;
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  return source.slice(start, end) === only.value;
}
