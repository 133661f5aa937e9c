import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

/** Elements that close an open `<p>` when an HTML parser meets them (and may not sit in a heading). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul',
]);
const SPLIT = /^(p|h[1-6])$/;

/**
 * rehype plugin, right after sanitising: gives raw HTML the shape a browser would give it, so
 * the page we write is the page a reader's browser builds (no stray end tags, no markup that
 * re-parses differently) and it stays valid HTML.
 * - A paragraph or heading holding a block element (`<p>a<div>b</div>c</p>`, written by an
 *   author as raw HTML) is split around it, as the HTML parser closes a paragraph.
 * - An `<img>` whose URL the sanitiser removed (`javascript:`) becomes its alt text.
 * - A `<source>` outside `<picture>` (its `<video>` was removed) is dropped.
 */
export function rehypeHtmlShape() {
  return (tree: Root) => {
    reshape(tree, false);
  };
}

function reshape(parent: Root | Element, inPicture: boolean): void {
  // Iterative over siblings, recursive over depth (the render stage guards depth).
  const out: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      out.push(child);
      continue;
    }
    if (child.tagName === 'img' && (typeof child.properties.src !== 'string' || child.properties.src.trim() === '')) {
      const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
      if (alt) out.push({ type: 'text', value: alt, ...(child.position ? { position: child.position } : {}) });
      continue;
    }
    if (child.tagName === 'source' && !inPicture) continue;
    reshape(child, inPicture || child.tagName === 'picture');
    if (SPLIT.test(child.tagName) && child.children.some((c) => c.type === 'element' && BLOCK.has(c.tagName))) out.push(...split(child));
    else out.push(child);
  }
  parent.children = out as typeof parent.children;
}

/** `<p>a<div>b</div>c</p>` → `<p>a</p><div>b</div><p>c</p>`; empty pieces are left out. */
function split(node: Element): ElementContent[] {
  const pieces: ElementContent[] = [];
  let run: ElementContent[] = [];
  let first = true;
  const flush = () => {
    if (run.some((c) => c.type === 'element' || toString(c).trim() !== '')) {
      // Attributes (an id) stay with the first piece only.
      pieces.push({ type: 'element', tagName: node.tagName, properties: first ? node.properties : {}, children: run, ...(node.position ? { position: node.position } : {}) });
      first = false;
    }
    run = [];
  };
  for (const child of node.children) {
    if (child.type === 'element' && BLOCK.has(child.tagName)) {
      flush();
      pieces.push(child);
    } else run.push(child);
  }
  flush();
  return pieces;
}
