import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Ids the page templates give their own elements. A heading or raw HTML in a post may not take
 * one: a duplicate id is invalid HTML, sends the skip link or the TOC title to the wrong place,
 * and `search-results` is how the client script decides to start the search page.
 */
export const TEMPLATE_IDS = new Set(['main', 'toc-title', 'search-input', 'search-results', 'series-nav-title', 'backlinks-title', 'related-title']);

/** rehype plugin, after rehype-slug: a content id equal to a template id gets a `-1` suffix. */
export function rehypeReservedIds() {
  return (tree: Root) => {
    const taken = new Set<string>();
    const clashing: Element[] = [];
    visit(tree, 'element', (e: Element) => {
      const id = e.properties.id;
      if (typeof id !== 'string') return;
      taken.add(id);
      if (TEMPLATE_IDS.has(id)) clashing.push(e);
    });
    for (const e of clashing) {
      const id = e.properties.id as string;
      let n = 1;
      while (taken.has(`${id}-${n}`)) n++;
      e.properties.id = `${id}-${n}`;
      taken.add(`${id}-${n}`);
    }
  };
}
