import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { sanitizeSchema } from '../../src/markdown/sanitize.ts';
import { normalizeScheme } from '../../src/markdown/schemes.ts';

/** Plain remark, the baseline Folio's conformance is measured against. */
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });

export function plainRemark(markdown: string): string {
  return String(plain.processSync(markdown));
}

/**
 * The differences Folio intends, in the order they are taken out of a comparison. Each is
 * listed in the README ("Markdown: what Folio accepts") and pinned by its own test.
 */
export const INTENDED = ['heading-ids', 'checked-links', 'images', 'highlighting', 'schemes', 'sanitising', 'raw-text', 'math', 'cjk'] as const;
export type Intended = (typeof INTENDED)[number];

/**
 * HTML as a browser reads it (parsed, re-serialised; whitespace between and inside inline text
 * collapsed as rendering does, except in `<pre>`), minus the intended differences named.
 */
export function normalized(html: string, without: ReadonlySet<Intended>): string {
  let tree = fromHtml(html, { fragment: true }) as Root;
  walk(tree, (e, parent, i) => {
    if (without.has('heading-ids') && /^h[1-6]$/.test(e.tagName)) {
      delete e.properties.id;
      e.children = e.children.filter((c) => !(c.type === 'element' && Array.isArray(c.properties.className) && c.properties.className.includes('heading-anchor')));
    }
    if (without.has('checked-links')) {
      for (const key of ['href', 'src']) {
        const v = e.properties[key];
        if (typeof v === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(v.trim())) delete e.properties[key];
      }
    }
    if (without.has('images')) {
      if (e.tagName === 'img') {
        delete e.properties.loading;
        delete e.properties.decoding;
        if (e.properties.alt === '') delete e.properties.alt;
      }
      // An image alone in its paragraph is a figure, its title the caption.
      if (e.tagName === 'figure' && parent) {
        const img = e.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img');
        const caption = e.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
        if (img && caption) img.properties.title = toString(caption);
        parent.children[i] = { ...e, tagName: 'p', children: img ? [img] : [] };
      }
    }
    if (without.has('highlighting') && e.tagName === 'code' && Array.isArray(e.properties.className)) {
      e.properties.className = e.properties.className.filter((c) => c !== 'hljs');
      e.children = [{ type: 'text', value: toString(e) }];
    }
  });
  if (without.has('schemes') || without.has('sanitising')) {
    walk(tree, (e) => {
      for (const [key, allowed] of Object.entries(sanitizeSchema.protocols ?? {})) {
        const v = e.properties[key];
        if (typeof v === 'string') e.properties[key] = normalizeScheme(v, allowed ?? []);
      }
    });
  }
  if (without.has('sanitising')) tree = sanitize(tree, sanitizeSchema) as Root;
  collapse(tree, false);
  return toHtml(tree);
}

function walk(node: Root | Element, visit: (e: Element, parent: Root | Element, index: number) => void): void {
  node.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    visit(child, node, i);
    walk(node.children[i] as Element, visit);
  });
}

/** Whitespace as rendered: runs become one space; blank text between blocks goes. */
function collapse(node: Root | Element, inPre: boolean): void {
  const out: (RootContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type === 'comment') continue;
    if (child.type === 'text' && !inPre) {
      const previous = out.at(-1);
      const joined = previous?.type === 'text' ? (out.pop(), previous.value + child.value) : child.value;
      const value = joined.replace(/[ \t\n\r\f]+/g, ' ');
      if (value === ' ' && (out.length === 0 || out.at(-1)?.type === 'element')) continue;
      out.push({ type: 'text', value });
      continue;
    }
    if (child.type === 'element') collapse(child, inPre || child.tagName === 'pre');
    out.push(child);
  }
  // Drop trailing blank text too.
  while (out.length > 0 && out.at(-1)!.type === 'text' && (out.at(-1) as { value: string }).value.trim() === '' && !inPre) out.pop();
  node.children = out as typeof node.children;
}
