import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeSource } from './decode.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { findContent, type DocKind } from './find.ts';
import { parseSource, SLUG_RE, type Frontmatter } from './frontmatter.ts';
import { RESERVED_TOP_LEVEL } from '../site/urls.ts';
import { ParseCache } from '../cache/parse-cache.ts';

/** A content file that loaded and validated: the input to rendering. */
export interface SourceDoc {
  kind: DocKind;
  /** Content-root-relative path, the document's id: `posts/ssl/mae.md`. */
  rel: string;
  abs: string;
  /** Path shown in messages. */
  file: string;
  /** The whole file as text (for code frames). */
  source: string;
  /** Markdown body with frontmatter lines blanked, so positions match the file. */
  body: string;
  fm: Frontmatter;
  slug: string;
  /** Site path without the base: `/posts/mae/`. */
  path: string;
  /** `aliases` with where each is written, for collisions found once the whole site is known. */
  aliases: AliasRef[];
}

/** An old path that redirects to a document, and the frontmatter line that asked for it. */
export interface AliasRef {
  path: string;
  line: number;
  column: number;
}

export interface LoadOptions {
  contentDir: string;
  /** Keep parsed frontmatter here between builds (see ParseCache). */
  cacheDir?: string;
  /** The site's cache key (`siteKey`), with `cacheDir`. */
  cacheKey?: string;
  timeZone: string;
  drafts: boolean;
  /** Turns an absolute path into the path shown in messages. */
  display: (abs: string) => string;
}

export interface LoadResult {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
  /** Source text by display path, for code frames. */
  sources: Map<string, string>;
}

export function loadContent(options: LoadOptions): LoadResult {
  const found = findContent(options.contentDir, options.display);
  const diagnostics = [...found.diagnostics];
  const sources = new Map<string, string>();
  const docs: SourceDoc[] = [];
  const places = new Map<SourceDoc, Record<string, { line: number; column: number }>>();
  const cache = options.cacheDir && options.cacheKey ? new ParseCache(options.cacheDir, options.cacheKey) : undefined;
  for (const f of found.files) {
    const file = options.display(f.abs);
    const decoded = decodeSource(readFileSync(f.abs), file);
    if ('error' in decoded) {
      diagnostics.push(decoded.error);
      continue;
    }
    sources.set(file, decoded.text);
    const run = () => parseSource(decoded.text, file, options.timeZone, f.kind === 'post');
    const parsed = cache ? cache.parse(decoded.text, `${file}\0${options.timeZone}\0${f.kind}`, run) : run();
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.data) continue;
    if (parsed.data.draft && !options.drafts) continue;
    const slug = parsed.data.slug ?? slugFromFile(f.rel);
    if (!SLUG_RE.test(slug)) {
      diagnostics.push(
        diagnostic(file, 1, 1, `the file name gives the slug "${slug}", which is not a plain slug; rename the file or set \`slug:\` (lowercase letters, digits, CJK, hyphens)`, 'frontmatter/slug'),
      );
      continue;
    }
    const doc: SourceDoc = {
      kind: f.kind,
      rel: f.rel,
      abs: f.abs,
      file,
      source: decoded.text,
      body: parsed.body,
      fm: parsed.data,
      slug,
      path: f.kind === 'post' ? `/posts/${slug}/` : `/${slug}/`,
      aliases: (parsed.data.aliases ?? []).map((alias, i) => ({ path: alias, ...(parsed.places[`aliases.${i}`] ?? { line: 1, column: 1 }) })),
    };
    places.set(doc, parsed.places);
    docs.push(doc);
  }
  const byPath = new Map<string, SourceDoc>();
  // On a collision the file that owns the slug by its name keeps it; the one that claimed it
  // with `slug:` is the one reported.
  const claimOrder = [...docs].sort((a, b) => Number(a.fm.slug !== undefined) - Number(b.fm.slug !== undefined) || (a.rel < b.rel ? -1 : 1));
  for (const doc of claimOrder) {
    const place = places.get(doc)?.slug ?? { line: 1, column: 1 };
    const other = byPath.get(doc.path);
    if (other) {
      diagnostics.push(diagnostic(doc.file, place.line, place.column, `duplicate slug "${doc.slug}": ${other.file} already uses ${doc.path}`, 'content/duplicate-slug'));
      continue;
    }
    if (doc.kind === 'page' && RESERVED_TOP_LEVEL.has(doc.slug)) {
      diagnostics.push(diagnostic(doc.file, place.line, place.column, `the page URL ${doc.path} collides with a page the site generates; choose another slug`, 'content/url-collision'));
      continue;
    }
    byPath.set(doc.path, doc);
  }
  const kept = docs.filter((d) => byPath.get(d.path) === d);
  cache?.save();
  return { docs: kept, diagnostics, sources };
}

function slugFromFile(rel: string): string {
  return path.posix.basename(rel, '.md').normalize('NFC');
}
