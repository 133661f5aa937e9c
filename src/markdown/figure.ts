import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * rehype plugin: a paragraph that holds nothing but one image becomes a `<figure>`; the image's
 * title (`![alt](x.svg "图 1：…")`) becomes its `<figcaption>`.
 */
export function rehypeFigure() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const meaningful = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const img = meaningful[0];
      if (meaningful.length !== 1 || img?.type !== 'element' || img.tagName !== 'img') return;
      const title = img.properties.title;
      delete img.properties.title;
      const children: Element['children'] = [img];
      if (typeof title === 'string' && title.trim() !== '') {
        children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title }] });
      }
      parent.children[index] = { type: 'element', tagName: 'figure', properties: {}, children, position: node.position };
    });
  };
}
