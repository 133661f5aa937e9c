import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { renderData } from './file-data.ts';
import { DEFAULT_LABELS, fillLabel } from './labels.ts';

export interface HeadingOptions {
  /** The anchor's accessible name; `\uE000` stands for the heading's text. */
  anchorLabel?: string;
}

const HEADING = /^h([2-6])$/;

/**
 * rehype plugin, after rehype-slug: gives each heading a visible "#" anchor, fills the table of
 * contents (h2 and h3), and records every id on the page so that links into it can be checked.
 */
export function rehypeHeadings(options: HeadingOptions = {}) {
  const anchorLabel = options.anchorLabel ?? DEFAULT_LABELS.anchor;
  return (tree: Root, file: VFile) => {
    const data = renderData(file);
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id === 'string') data.headingIds.push(id);
      const m = HEADING.exec(node.tagName);
      if (!m || typeof id !== 'string') return;
      // The footnotes' visually hidden heading is not a section of the post.
      if (Array.isArray(node.properties.className) && node.properties.className.includes('sr-only')) return;
      const text = toString(node).trim();
      const depth = Number(m[1]);
      if (depth <= 3) data.toc.push({ depth, id, text });
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${encodeURIComponent(id)}`, ariaLabel: fillLabel(anchorLabel, text) },
        children: [{ type: 'text', value: '#' }],
      });
    });
  };
}
