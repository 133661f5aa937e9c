import { slug as githubSlug } from 'github-slugger';

/** First path segments the site generates; a standalone page may not take them. */
export const RESERVED_TOP_LEVEL = new Set([
  'posts', 'page', 'tags', 'categories', 'archives', 'series', 'search', 'assets', 'pagefind',
  'feed.xml', 'atom.xml', 'feed.json', 'sitemap.xml', 'robots.txt', '404.html', 'index.html',
]);

/** Slug for a tag, category or series name: keeps CJK characters, like heading ids. */
export function termSlug(name: string): string {
  const s = githubSlug(name.normalize('NFC'));
  return s === '' ? 'term' : s;
}

/** A site path (`/tags/对比学习/`) under the base, percent-encoded for an href. */
export function href(base: string, sitePath: string): string {
  const [pathPart = '', fragment] = splitFragment(sitePath);
  const encoded = (base + pathPart.replace(/^\//, ''))
    .split('/')
    .map((seg) => encodeURIComponent(safeDecode(seg)))
    .join('/');
  return fragment === undefined ? encoded : `${encoded}#${encodeURIComponent(safeDecode(fragment))}`;
}

/** An absolute URL for feeds, sitemaps and meta tags. */
export function absoluteUrl(siteUrl: string, base: string, sitePath: string): string {
  const origin = new URL(siteUrl).origin;
  return origin + href(base, sitePath);
}

/** The file in the output directory that serves a site path. */
export function outputFile(sitePath: string): string {
  const clean = sitePath.replace(/^\//, '');
  return clean === '' || clean.endsWith('/') ? `${clean}index.html` : clean;
}

/** `/tags/x/` page 1 is the list itself; page n is `/tags/x/page/n/`. */
export function pagePath(listPath: string, page: number): string {
  return page <= 1 ? listPath : `${listPath}page/${page}/`;
}

function splitFragment(p: string): [string, string | undefined] {
  const i = p.indexOf('#');
  return i < 0 ? [p, undefined] : [p.slice(0, i), p.slice(i + 1)];
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
