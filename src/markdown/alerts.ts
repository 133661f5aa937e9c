import type { Blockquote, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { DEFAULT_LABELS, type AlertKind } from './labels.ts';

const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\n|$)/i;

type Kind = AlertKind;

export interface AlertOptions {
  /** Each kind's title, in the site's language. */
  titles?: Record<AlertKind, string>;
}

/**
 * remark plugin: GitHub's alerts. A quote whose first line is `[!NOTE]` (or TIP, IMPORTANT,
 * WARNING, CAUTION) becomes `<div class="markdown-alert markdown-alert-note">` with a title.
 * The marker leaves the text (so excerpts never show it); the title exists only in the HTML.
 */
export function remarkAlerts(options: AlertOptions = {}) {
  const titles = options.titles ?? DEFAULT_LABELS.alerts;
  return (tree: Root) => {
    visit(tree, 'blockquote', (node: Blockquote) => {
      const first = node.children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (!first || text?.type !== 'text') return;
      const m = MARKER.exec(text.value);
      if (!m) return;
      const kind = m[1]!.toLowerCase() as Kind;
      text.value = text.value.slice(m[0].length);
      const para = first as Paragraph;
      if (text.value === '') para.children.shift();
      if (para.children.length === 0) node.children.shift();
      node.data = { ...node.data, hName: 'div', hProperties: { className: ['markdown-alert', `markdown-alert-${kind}`] } };
      // A node with no text of its own: only remark-rehype sees it, through hName and hChildren.
      const title = {
        type: 'alertTitle',
        data: { hName: 'p', hProperties: { className: ['markdown-alert-title'] }, hChildren: [{ type: 'text', value: titles[kind] }] },
      };
      node.children.unshift(title as unknown as Paragraph);
    });
  };
}
