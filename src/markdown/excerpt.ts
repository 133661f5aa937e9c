import type { Nodes, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { renderData } from './file-data.ts';

export interface ExcerptOptions {
  /** Characters (code points) kept when the excerpt is cut from the start of the body. */
  length: number;
}

const MORE_RE = /^<!--\s*more\s*-->$/i;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * remark plugin: the excerpt is the prose before `<!-- more -->`, else the first `length`
 * characters of the prose, cut at a word boundary (Chinese words included), never inside a
 * formula or a surrogate pair, and ending in "…".
 */
export function remarkExcerpt(options: ExcerptOptions) {
  return (tree: Root, file: VFile) => {
    const marker = tree.children.findIndex((n) => n.type === 'html' && MORE_RE.test(n.value.trim()));
    const nodes = marker >= 0 ? tree.children.slice(0, marker) : tree.children;
    const pieces = nodes.flatMap(prosePieces);
    const data = renderData(file);
    if (marker >= 0) {
      data.excerpt = normalize(pieces.map((p) => p.text).join(''));
      // The marker has done its job; dropping it keeps most posts free of raw HTML, so the
      // costly raw-HTML pass can be skipped for them.
      tree.children.splice(marker, 1);
      return;
    }
    data.excerpt = truncate(pieces, options.length);
  };
}

interface Piece {
  text: string;
  /** Formulas are kept whole. */
  atomic: boolean;
}

/**
 * Prose only: paragraphs, lists and quotes; no headings, code, display math, tables or images.
 * Walks with an explicit stack: a pathological post nests thousands of levels deep.
 */
function prosePieces(node: RootContent): Piece[] {
  const out: Piece[] = [];
  const stack: RootContent[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'paragraph') {
      for (const piece of inline(n)) out.push(piece);
      out.push({ text: ' ', atomic: false });
    } else if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote') {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as RootContent);
    }
  }
  return out;
}

function inline(node: Nodes): Piece[] {
  const out: Piece[] = [];
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') out.push({ text: n.value, atomic: false });
    else if (n.type === 'inlineCode' || n.type === 'inlineMath') out.push({ text: n.value, atomic: true });
    else if (n.type === 'break') out.push({ text: ' ', atomic: false });
    else if (n.type === 'image' || n.type === 'html' || n.type === 'footnoteReference') continue;
    else if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as Nodes);
  }
  return out;
}

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const CJK_GAP = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'gu');

/** One line of text; no space between two Chinese characters where paragraphs were joined. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').replace(CJK_GAP, '$1').trim();
}

function truncate(pieces: Piece[], length: number): string {
  const full = normalize(pieces.map((p) => p.text).join(''));
  if (full.length <= length || (full.length <= 2 * length && [...full].length <= length)) return full;
  // Segment only what can still fit: word segmentation of a whole long post is slow (seconds
  // for 100,000 Chinese characters). 2n + 16 code units always hold n + 8 code points.
  let out = '';
  let count = 0;
  for (const piece of pieces) {
    const text = piece.text.replace(/\s+/g, ' ');
    const units = piece.atomic ? [text] : Array.from(segmenter.segment(text.slice(0, 2 * (length - count) + 16)), (s) => s.segment);
    let full = false;
    for (const unit of units) {
      const size = [...unit].length;
      if (count + size > length && count > 0) {
        full = true;
        break;
      }
      out += unit;
      count += size;
    }
    if (full) break;
  }
  return `${normalize(out).replace(/[\s，。、；：,.;:!?！？（(「『“"'‘—-]+$/u, '')}…`;
}
