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

/** Prose only: paragraphs, lists and quotes; no headings, code, display math, tables or images. */
function prosePieces(node: RootContent): Piece[] {
  switch (node.type) {
    case 'paragraph':
      return [...inline(node), { text: ' ', atomic: false }];
    case 'list':
    case 'listItem':
    case 'blockquote':
      return node.children.flatMap((c) => prosePieces(c as RootContent));
    default:
      return [];
  }
}

function inline(node: Nodes): Piece[] {
  if (node.type === 'text') return [{ text: node.value, atomic: false }];
  if (node.type === 'inlineCode') return [{ text: node.value, atomic: true }];
  if (node.type === 'inlineMath') return [{ text: node.value, atomic: true }];
  if (node.type === 'break') return [{ text: ' ', atomic: false }];
  if (node.type === 'image' || node.type === 'html' || node.type === 'footnoteReference') return [];
  if ('children' in node) return (node.children as Nodes[]).flatMap(inline);
  return [];
}

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const CJK_GAP = new RegExp(`([${CJK}]) (?=[${CJK}])`, 'gu');

/** One line of text; no space between two Chinese characters where paragraphs were joined. */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').replace(CJK_GAP, '$1').trim();
}

function truncate(pieces: Piece[], length: number): string {
  const full = normalize(pieces.map((p) => p.text).join(''));
  if ([...full].length <= length) return full;
  const units: string[] = [];
  for (const piece of pieces) {
    const text = piece.text.replace(/\s+/g, ' ');
    if (piece.atomic) units.push(text);
    else for (const s of segmenter.segment(text)) units.push(s.segment);
  }
  let out = '';
  let count = 0;
  for (const unit of units) {
    const size = [...unit].length;
    if (count + size > length && count > 0) break;
    out += unit;
    count += size;
  }
  return `${normalize(out).replace(/[\s，。、；：,.;:!?！？（(「『“"'‘—-]+$/u, '')}…`;
}
