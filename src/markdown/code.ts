import type { Element, Root } from 'hast';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { renderData } from './file-data.ts';

/** rehype plugin: notes whether the page has code blocks (their CSS is loaded only then). */
export function rehypeCodeInfo() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'pre') return undefined;
      renderData(file).hasCode = true;
      // One is enough: the rest of the tree (highlighted code is hundreds of spans) is not walked.
      return EXIT;
    });
  };
}
