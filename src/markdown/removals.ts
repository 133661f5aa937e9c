import type { Element, ElementContent, Root } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { report } from './report.ts';

export interface RemovalOptions {
  /** The schema rehype-sanitize runs with right after this plugin. */
  schema: Schema;
}

/** A text no author writes: finds out whether an element's content survives sanitising. */
const MARKER = '\u0000folio-marker\u0000';

/**
 * rehype plugin, right before rehype-sanitize with the same schema: says at its line what the
 * sanitiser is about to remove from the author's text: an element that is not allowed
 * (`<center>`, `<font color>`, with or without its content), an attribute (`<img style="zoom:50%">`)
 * or a URL with a scheme that is not allowed. Each element is run through the sanitiser itself,
 * so this report and what is removed cannot disagree. It changes nothing.
 */
export function rehypeReportRemovals(options: RemovalOptions) {
  const { schema } = options;
  return (tree: Root, file: VFile) => {
    const found: { node: Element; problem: Problem; inside: Set<string> }[] = [];
    const removed = new Map<Element, { inside: Set<string> }>();
    visitParents(tree, 'element', (node: Element, ancestors) => {
      // Elements we generate have no place in the source and pass by construction.
      if (!node.position) return;
      const problem = predict(node, ancestors, schema);
      if (!problem) return;
      // An element removed inside one already reported (the <path>s of an <svg>) is counted there.
      const outer = problem.element ? ancestors.find((a): a is Element => removed.has(a as Element)) : undefined;
      if (outer) {
        removed.get(outer)!.inside.add(`<${node.tagName}>`);
        return;
      }
      const entry = { node, problem, inside: new Set<string>() };
      found.push(entry);
      if (problem.element) removed.set(node, entry);
    });
    for (const { node, problem, inside } of found) {
      const more = inside.size > 0 ? `; so are the ${[...inside].join(', ')} inside it` : '';
      report(file, node.position!.start, problem.message + more, 'html/removed');
    }
  };
}

interface Problem {
  message: string;
  /** The element itself goes (not only some attributes). */
  element: boolean;
}

function predict(node: Element, ancestors: readonly unknown[], schema: Schema): Problem | undefined {
  const probe: Element = { type: 'element', tagName: node.tagName, properties: node.properties, children: [{ type: 'text', value: MARKER }] };
  // Table parts are only kept inside a table (the schema's `ancestors`): give the probe one when the author did.
  const needs = schema.ancestors?.[node.tagName];
  const within = needs?.find((name) => ancestors.some((a) => (a as Element).tagName === name));
  const tree: Root = { type: 'root', children: [within ? { type: 'element', tagName: within, properties: {}, children: [probe] } : probe] };
  const safe = sanitize(tree, schema) as Root;
  const kept = findProbe(safe.children as ElementContent[], node.tagName, Boolean(within));
  const tag = `<${node.tagName}>`;
  if (kept === 'gone') return { message: `${tag} is removed with its content${why(node.tagName)}`, element: true };
  if (kept === 'unwrapped') {
    const attrs = describe(node.properties);
    return { message: `${tag}${attrs ? ` (${attrs})` : ''} is not allowed in posts and is removed; its content is kept without it${why(node.tagName)}`, element: true };
  }
  const lost = Object.keys(node.properties).filter((key) => node.properties[key] != null && !sameValue(node.properties[key], kept.properties[key]));
  if (lost.length === 0) return undefined;
  const attrs = describe(Object.fromEntries(lost.map((key) => [key, node.properties[key]])));
  return { message: `${tag}: ${attrs} ${lost.length === 1 ? 'is' : 'are'} removed${hint(node, lost)}`, element: false };
}

function findProbe(children: ElementContent[], tagName: string, wrapped: boolean): Element | 'gone' | 'unwrapped' {
  const top = wrapped ? children.flatMap((c) => (c.type === 'element' ? c.children : [])) : children;
  for (const child of top) {
    if (child.type === 'element' && child.tagName === tagName && child.children.some((c) => c.type === 'text' && c.value === MARKER)) return child;
  }
  return top.some((c) => c.type === 'text' && c.value === MARKER) ? 'unwrapped' : 'gone';
}

function sameValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
}

/** `color="red" style="zoom:50%"`, as the author wrote the attributes (values cut short). */
function describe(properties: Element['properties']): string {
  return Object.entries(properties)
    .map(([key, value]) => {
      const name = find(html, key).attribute;
      const text = Array.isArray(value) ? value.join(' ') : value === true ? '' : String(value);
      return text === '' ? name : `${name}="${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
    })
    .join(' ');
}

const EMBEDDED = new Set(['iframe', 'video', 'audio', 'object', 'embed', 'canvas']);

function why(tagName: string): string {
  if (tagName === 'script') return ': a post cannot run scripts';
  if (tagName === 'svg') return ' (only its text shows, not the drawing): save it as an .svg file beside the post and show it with ![…](./file.svg)';
  if (tagName === 'math') return ' (only its text shows): write the formula as $…$';
  if (EMBEDDED.has(tagName)) return ' (what it embeds is not shown): link to it instead';
  if (tagName === 'style') return ': a post cannot restyle the site (site-wide CSS goes in the `css` setting)';
  return '';
}

function hint(node: Element, lost: string[]): string {
  if (lost.includes('href') || lost.includes('src')) return ': only http(s), mailto (links) and relative URLs are allowed';
  if (node.tagName === 'img' && lost.includes('style')) return ': the image is shown at its own size; use width="…" to scale it';
  if (lost.includes('style')) return ': inline styles are not allowed in posts';
  return '';
}
