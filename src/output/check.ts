import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { walkFiles } from '../content/walk.ts';
import { safeDecode } from '../site/urls.ts';

export interface BrokenLink {
  /** Page (relative to the output directory) that holds the link. */
  page: string;
  url: string;
  reason: string;
}

export interface PageInfo {
  ids: Set<string>;
  links: { url: string; attr: string }[];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Checks every internal href/src in a built site: the file must exist under the base, and a
 * #fragment must name an id on the target page (CJK ids included, percent-encoded or not).
 * Any HTML is understood (htmlparser2), so this also checks sites Folio did not build.
 */
export function checkSite(outDir: string, base: string): BrokenLink[] {
  const pages = new Map<string, PageInfo>();
  for (const file of listAll(outDir)) if (file.endsWith('.html')) pages.set(file, scanPage(readFileSync(path.join(outDir, file), 'utf8')));
  return checkPages(pages, outDir, base);
}

/** Checks the links of `pages` (output path → what `scanPage` read) against the files of `outDir`. */
export function checkPages(pages: ReadonlyMap<string, PageInfo>, outDir: string, base: string): BrokenLink[] {
  const files = new Set(listAll(outDir));
  const broken: BrokenLink[] = [];
  for (const [page, info] of [...pages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const { url } of info.links) {
      const reason = checkUrl(url, page, base, files, pages);
      if (reason) broken.push({ page, url, reason });
    }
  }
  return broken;
}

function checkUrl(url: string, page: string, base: string, files: Set<string>, pages: ReadonlyMap<string, PageInfo>): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || SCHEME.test(trimmed) || trimmed.startsWith('//')) return undefined;
  const hashAt = trimmed.indexOf('#');
  const rawPath = (hashAt < 0 ? trimmed : trimmed.slice(0, hashAt)).replace(/\?.*$/, '');
  const fragment = hashAt < 0 ? undefined : safeDecode(trimmed.slice(hashAt + 1));
  let target: string;
  if (rawPath === '') target = page;
  else {
    const decoded = safeDecode(rawPath);
    let sitePath: string;
    if (decoded.startsWith('/')) {
      if (!decoded.startsWith(base) && decoded !== base.slice(0, -1)) return `outside the base path ${base}`;
      sitePath = decoded.slice(base.length);
    } else sitePath = path.posix.join(path.posix.dirname(page), decoded);
    const file = resolveFile(files, sitePath);
    if (!file) return 'no such file in the output';
    target = file;
  }
  if (fragment === undefined || fragment === '' || fragment === 'top') return undefined;
  const info = pages.get(target);
  if (!info) return undefined; // fragments into non-HTML files (e.g. SVG views) are not checked
  return info.ids.has(fragment) ? undefined : `no element with id "${fragment}" on ${target}`;
}

/** The output file that a static server would answer for a site path. */
function resolveFile(files: Set<string>, sitePath: string): string | undefined {
  const clean = path.posix.normalize(sitePath).replace(/^\/+/, '');
  if (clean.startsWith('..')) return undefined;
  const candidates = clean === '' || clean === '.' ? ['index.html'] : clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`, `${clean}.html`];
  return candidates.find((c) => files.has(c));
}

/** The ids a page defines and the URLs it points to (href, src, srcset). */
export function scanPage(html: string): PageInfo {
  const ids = new Set<string>();
  const links: PageInfo['links'] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) ids.add(attrs.id);
        if (name === 'a' && attrs.name) ids.add(attrs.name);
        for (const attr of ['href', 'src'] as const) {
          const value = attrs[attr];
          if (value === undefined) continue;
          // <link rel="alternate|canonical"> and og: URLs are absolute by design.
          links.push({ url: value, attr });
        }
        if (attrs.srcset) for (const part of attrs.srcset.split(',')) links.push({ url: part.trim().split(/\s+/)[0] ?? '', attr: 'srcset' });
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { ids, links };
}

/** Every file of a built site, dot-named ones (`.well-known/`) included. */
function listAll(dir: string): string[] {
  return walkFiles(dir, { display: (p) => p, name: 'output', keepDotted: () => true }).files.map((f) => f.rel);
}
