import type { Nodes, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

/**
 * rehype plugin: rehype-raw, but only for documents that contain raw HTML. rehype-raw re-runs
 * the whole tree through an HTML parser, which is a large share of rendering time, and most
 * posts have no raw HTML at all. Sanitising still runs on every document.
 */
export function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? (raw(tree, file) as Root) : tree);
}

function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child as Nodes));
}
