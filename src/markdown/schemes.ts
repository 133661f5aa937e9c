import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { sanitizeSchema } from './sanitize.ts';

/** A URL scheme as browsers read it (WHATWG URL "scheme state"). */
const SCHEME = /^[a-z][a-z0-9+.-]*$/i;

/**
 * rehype plugin, just before sanitising: writes URLs so that the sanitiser reads them as a
 * browser does. rehype-sanitize compares schemes case-sensitively and takes any text before a
 * colon for a scheme, so `<MAILTO:FOO@BAR.BAZ>` and `[link](foo\)\:)` lost their links.
 * - An allowed scheme in another case is written in lower case (`MAILTO:` → `mailto:`); schemes
 *   are case-insensitive, so the link is the same.
 * - Text before a colon that cannot be a scheme (`foo):`) makes a relative URL in a browser; it
 *   gets a `./` so the sanitiser sees that too.
 * Nothing is loosened: a real scheme that is not allowed (`javascript:`, in any case, with tabs or
 * leading control characters) is left for the sanitiser to remove.
 */
export function rehypeUrlSchemes() {
  const protocols = sanitizeSchema.protocols ?? {};
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      for (const [key, allowed] of Object.entries(protocols)) {
        const value = node.properties[key];
        if (typeof value === 'string') node.properties[key] = normalizeScheme(value, allowed ?? []);
      }
    });
  };
}

export function normalizeScheme(url: string, allowed: readonly string[]): string {
  // What a browser ignores before reading the scheme: tabs and newlines anywhere, and leading
  // C0 controls and spaces.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const colon = cleaned.indexOf(':');
  if (colon < 0) return url;
  const candidate = cleaned.slice(0, colon);
  if (SCHEME.test(candidate)) {
    const lower = candidate.toLowerCase();
    return lower !== candidate && allowed.includes(lower) ? lower + cleaned.slice(colon) : url;
  }
  // A `/`, `?` or `#` before the colon already reads as relative to the sanitiser.
  if (/[/?#]/.test(candidate)) return url;
  return `./${cleaned}`;
}
