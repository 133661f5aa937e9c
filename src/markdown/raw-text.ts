import type { Root, RootContent } from 'hast';
import type { Raw } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './report.ts';

/**
 * Elements whose content an HTML parser reads as plain text up to their end tag (GFM's
 * "disallowed raw HTML" list). Opened and never closed, one swallows the rest of its block, or
 * of the post.
 */
const RAW_TEXT = /<(iframe|noembed|noframes|plaintext|script|style|textarea|title|xmp)(?=[\t\n\f\r />])/gi;

/**
 * rehype plugin, before raw HTML is parsed: an opening `<title>`, `<script>`, `<style>`, … whose
 * end tag never follows in the same block is text the author wrote about the tag ("用 <script>
 * 标签引入"), not an element. Its `<` is escaped as GFM's tag filter does, so it shows as written
 * and the rest of the block stays Markdown; a warning says so. A closed one is left to the
 * sanitiser (which removes `<script>` and `<style>` with their content, and reports it).
 */
export function rehypeLiteralRawText() {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (!('children' in node)) return;
      const siblings = node.children as RootContent[];
      siblings.forEach((child, i) => {
        if (child.type !== 'raw') return;
        // The end tag may come in a later piece of raw HTML of the same block (`<title>`, text, `</title>`).
        const later = siblings.slice(i + 1).map((s) => (s.type === 'raw' ? s.value : '')).join('');
        child.value = literalize(child, later, file);
      });
    });
  };
}

function literalize(node: Raw, later: string, file: VFile): string {
  const value = node.value;
  return value.replace(RAW_TEXT, (opener: string, name: string, at: number) => {
    const tag = name.toLowerCase();
    const close = new RegExp(`</${tag}[\\t\\n\\f\\r />]`, 'i');
    if (tag !== 'plaintext' && (close.test(value.slice(at)) || close.test(later))) return opener;
    report(
      file,
      placeIn(node, at),
      `<${tag}> is never closed, so a browser would hide everything after it; it is shown as text. Write \`<${tag}>\` in backticks, or close it`,
      'html/unclosed-raw-text',
    );
    return `&lt;${opener.slice(1)}`;
  });
}

/** The line and column of `at` inside a raw node (exact on its first line). */
function placeIn(node: Raw, at: number) {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, at);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return { line: start.line, column: start.column + at };
  return { line: start.line + newlines, column: at - before.lastIndexOf('\n') };
}
