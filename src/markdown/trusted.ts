import { randomBytes } from 'node:crypto';
import type { Element, Properties, Root } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import type { Options as Schema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The property that marks an element a site plugin made (`data-folio-keep`). */
const MARK = 'dataFolioKeep';

interface Saved {
  tagName: string;
  properties: Properties;
}

/**
 * Keeps what the site's own remark plugins make through sanitising. Plugins are the site's
 * code; a post's text is not. An element a site plugin asks for on a Markdown node (through
 * `data.hName` and `data.hProperties`: a class, an `<aside>`) is kept as the plugin made it, with
 * no "removed" warning, while raw HTML written in a post is sanitised exactly as before.
 *
 * - `remarkBefore` (before the site's remark plugins) notes each node's `hName`/`hProperties`.
 * - `remarkAfter` (after them) marks the nodes whose `hName`/`hProperties` they set or changed,
 *   with a secret made for this processor, which no author can write into a post.
 * - `rehypeHide` (before the removal report and the sanitiser) sets each marked element aside
 *   and leaves a plain `<div>` or `<span>` holding only the mark; its children are sanitised as usual.
 * - `rehypeRestore` (right after the sanitiser) puts the element back; a mark without the
 *   secret (an author's own `data-folio-keep`) is dropped.
 *
 * The sanitiser's schema must allow the mark: use `schema` from here.
 */
export function trustSitePlugins(base: Schema) {
  const secret = randomBytes(12).toString('base64url');
  const before = new WeakMap<object, string>();
  const saved = new WeakMap<VFile, Map<string, Saved>>();
  const shape = (node: MdastNodes) => JSON.stringify([node.data?.hName, node.data?.hProperties]);
  const schema: Schema = { ...base, attributes: { ...base.attributes, '*': [...(base.attributes?.['*'] ?? []), MARK] } };
  const inline = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

  const remarkBefore = () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      before.set(node, shape(node));
    });
  };

  const remarkAfter = () => (tree: MdastRoot) => {
    let n = 0;
    visit(tree, (node) => {
      const data = node.data;
      if (!data || (data.hName === undefined && data.hProperties === undefined)) return;
      if (before.get(node) === shape(node)) return;
      data.hProperties = { ...data.hProperties, [MARK]: `${secret}:${n++}` };
    });
  };

  const rehypeHide = () => (tree: Root, file: VFile) => {
    const kept = new Map<string, Saved>();
    visit(tree, 'element', (node: Element) => {
      const mark = node.properties[MARK];
      if (typeof mark !== 'string' || !mark.startsWith(`${secret}:`)) return;
      const { [MARK]: _, ...properties } = node.properties;
      kept.set(mark, { tagName: node.tagName, properties });
      node.properties = { [MARK]: mark };
      node.tagName = inline.has(node.tagName) ? 'span' : 'div';
    });
    saved.set(file, kept);
  };

  const rehypeRestore = () => (tree: Root, file: VFile) => {
    const kept = saved.get(file);
    saved.delete(file);
    visit(tree, 'element', (node: Element) => {
      const mark = node.properties[MARK];
      if (mark === undefined) return;
      const original = typeof mark === 'string' ? kept?.get(mark) : undefined;
      if (original) {
        node.tagName = original.tagName;
        node.properties = original.properties;
      } else delete node.properties[MARK];
    });
  };

  return { schema, remarkBefore, remarkAfter, rehypeHide, rehypeRestore };
}
