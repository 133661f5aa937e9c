import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';

/**
 * A post's HTML made fit for feed readers: every URL absolute (readers have no base), KaTeX's
 * visual HTML dropped in favour of its MathML (readers have no KaTeX CSS), heading anchors gone.
 */
export function feedHtml(html: string, pageUrl: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element, index, parent) => {
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    if (parent && index !== undefined && (classes.includes('katex-html') || classes.includes('heading-anchor'))) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const attr of ['href', 'src'] as const) {
      const value = node.properties[attr];
      if (typeof value === 'string') node.properties[attr] = new URL(value, pageUrl).href;
    }
    return undefined;
  });
  // `]]>` can never end up inside CDATA: we emit escaped text, not CDATA.
  return toHtml(tree);
}
