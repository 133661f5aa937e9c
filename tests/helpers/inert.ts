import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import sax from 'sax';
import { visitParents } from 'unist-util-visit-parents';

/** Elements that run code, load other documents or change how the page's URLs resolve. */
const FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'style', 'template', 'noscript', 'xmp', 'plaintext', 'portal', 'svg']);
/** Attributes whose value is a URL a browser may navigate to, load or submit to. */
const URL_ATTRS = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'poster', 'data', 'background', 'cite', 'ping', 'srcSet', 'srcDoc'];
const DANGEROUS_URL = /^(javascript|vbscript|data:text\/html|data:image\/svg|data:application)/i;

export interface InertOptions {
  /** The site's base path: our own scripts are served from `${base}assets/` and `${base}pagefind/`. */
  base: string;
  /** A whole page of ours (true) or a fragment of content, e.g. a feed entry (false). */
  page: boolean;
}

/** What a browser would strip before comparing a URL scheme: whitespace and control characters. */
function normalizeUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/**
 * Reasons the HTML could run script or navigate to a script URL, each as a short description.
 * Parsed with parse5 (the HTML standard's parser, like a browser), so entity tricks and
 * malformed markup are seen as a browser sees them.
 */
export function activeContent(html: string, options: InertOptions): string[] {
  const tree = fromHtml(html, { fragment: !options.page }) as Root;
  const problems: string[] = [];
  const where = (e: Element) => `<${e.tagName}> "${toString(e).slice(0, 40)}"`;
  visitParents(tree, 'element', (e: Element, ancestors) => {
    const tag = e.tagName;
    if (tag === 'script') {
      const src = typeof e.properties.src === 'string' ? e.properties.src : undefined;
      const type = typeof e.properties.type === 'string' ? e.properties.type : '';
      const ours = options.page && src !== undefined && (src.startsWith(`${options.base}assets/`) || src.startsWith(`${options.base}pagefind/`)) && toString(e).trim() === '';
      const data = options.page && type === 'application/ld+json' && src === undefined && isJsonWithoutMarkup(toString(e));
      if (!ours && !data) problems.push(`script element: ${where(e)} src=${src ?? '(inline)'} type=${type}`);
    }
    const ours = options.page && !insideContent(ancestors);
    if (FORBIDDEN.has(tag) && !(tag === 'form' && ours && e.properties.action === `${options.base}search/`) && !(tag === 'noscript' && ours) && !(tag === 'svg' && insideKatex(ancestors)) && !(tag === 'svg' && ours && isOwnIcon(e))) {
      problems.push(`forbidden element ${where(e)}`);
    }
    if (tag === 'meta' && e.properties.httpEquiv !== undefined) problems.push(`meta http-equiv ${String(e.properties.httpEquiv)}`);
    if (tag === 'link' && !['stylesheet', 'icon', 'canonical', 'alternate', 'preload', 'modulepreload', 'manifest'].includes(String(e.properties.rel))) {
      problems.push(`link rel=${String(e.properties.rel)}`);
    }
    for (const [name, value] of Object.entries(e.properties)) {
      // hast names handlers onClick, onError, …; parse5 keeps any unknown on* attribute too.
      if (/^on/i.test(name)) problems.push(`event handler ${name} on ${where(e)}`);
      if (URL_ATTRS.includes(name)) {
        const values = Array.isArray(value) ? value.map(String) : [String(value)];
        for (const v of values) if (DANGEROUS_URL.test(normalizeUrl(v))) problems.push(`${name}="${v}" on ${where(e)}`);
      }
      if (name === 'style' && /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:/i.test(String(value))) problems.push(`style="${String(value)}" on ${where(e)}`);
    }
  });
  return problems;
}

function isJsonWithoutMarkup(text: string): boolean {
  if (text.includes('<')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Inside a post's body (author content) rather than our templates. */
function insideContent(ancestors: readonly unknown[]): boolean {
  return ancestors.some((a) => {
    const e = a as Element;
    return e.type === 'element' && Array.isArray(e.properties.className) && e.properties.className.includes('post-body');
  });
}

/** KaTeX draws some glyphs (roots, wide accents) as inline SVG paths; they are checked like the rest. */
function insideKatex(ancestors: readonly unknown[]): boolean {
  return ancestors.some((a) => {
    const e = a as Element;
    return e.type === 'element' && Array.isArray(e.properties.className) && e.properties.className.includes('katex');
  });
}

/** Characters XML 1.0 forbids anywhere in a document. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Well-formedness problems of an XML document (strict sax, one root, legal characters). */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) problems.push(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} is not allowed in XML (offset ${bad.index})`);
  // We never write CDATA sections, so a raw "]]>" can only be text that escaped escaping.
  if (xml.includes(']]>')) problems.push('a raw "]]>" in the document');
  const parser = sax.parser(true, { xmlns: true });
  let roots = 0;
  let depth = 0;
  parser.onerror = (e) => {
    problems.push(e.message.split('\n')[0]!);
    parser.resume();
  };
  parser.onopentag = (node) => {
    if (depth === 0) roots++;
    depth++;
  };
  parser.onclosetag = () => void depth--;
  parser.write(xml).close();
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The layout's own icons: `<svg class="icon" aria-hidden="true">` drawing circles and paths only. */
function isOwnIcon(e: Element): boolean {
  const classes = Array.isArray(e.properties.className) ? e.properties.className.map(String) : [];
  const drawing = e.children.every((c) => c.type !== 'element' || ((c.tagName === 'circle' || c.tagName === 'path') && c.children.length === 0));
  return classes.includes('icon') && String(e.properties.ariaHidden) === 'true' && drawing;
}
