import { safeDecode } from '../site/urls.ts';

export type AliasResult = { ok: true; path: string } | { ok: false; message: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Characters that have no place in a path written to disk or into a redirect: controls, and those Windows refuses. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f\\<>"|*?:#]/;

/**
 * An old path that should redirect to a post, as a site path under the base: `2023/09/28/mae`
 * → `/2023/09/28/mae/`, `/archives/123.html` stays a file. Percent-encoded paths are decoded
 * first, so that `%2e%2e` is seen for the `..` it is. Never a URL, never outside the site.
 */
export function aliasPath(raw: string): AliasResult {
  const value = raw.trim();
  if (value === '') return { ok: false, message: 'is empty' };
  if (SCHEME.test(value) || value.startsWith('//')) return { ok: false, message: 'must be a path on this site such as /2023/09/28/mae/, not a URL' };
  const decoded = safeDecode(value);
  if (UNSAFE.test(decoded)) return { ok: false, message: 'contains a character a path may not hold (a control character or one of \\ < > " | * ? : #)' };
  const segments = decoded.replace(/^\/+/, '').split('/');
  const isDir = segments.at(-1) === '';
  if (isDir) segments.pop();
  if (segments.length === 0) return { ok: false, message: 'is the home page; an alias must name an old page' };
  if (segments.some((s) => s === '')) return { ok: false, message: 'has an empty segment ("//")' };
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, message: 'may not contain "." or ".." segments' };
  const last = segments.at(-1)!;
  // `/old.html` is a file of its own; anything else is a folder served by its index.html.
  const file = !isDir && /\.html?$/i.test(last);
  return { ok: true, path: `/${segments.join('/')}${file ? '' : '/'}` };
}
