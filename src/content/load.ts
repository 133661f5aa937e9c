import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { decodeSource } from './decode.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { findContent, type DocKind } from './find.ts';
import { parseSource, SLUG_RE, type Frontmatter, type ParsedSource } from './frontmatter.ts';
import { RESERVED_TOP_LEVEL } from '../site/urls.ts';
import { ParseCache } from '../cache/parse-cache.ts';
import { bytesDigest, SourceIndex } from '../cache/source-index.ts';

/** A content file that loaded and validated: the input to rendering. */
export interface SourceDoc {
  kind: DocKind;
  /** Content-root-relative path, the document's id: `posts/ssl/mae.md`. */
  rel: string;
  abs: string;
  /** Path shown in messages. */
  file: string;
  /** The whole file as text (for code frames); read on first use when the file is unchanged. */
  source: string;
  /** Markdown body with frontmatter lines blanked, so positions match the file. */
  body: string;
  /** Digest of the file's bytes (see `bytesDigest`): what caches key its content by. */
  digest: string;
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
  const sources = new SourceTexts();
  const docs: SourceDoc[] = [];
  const places = new Map<SourceDoc, Record<string, { line: number; column: number }>>();
  const cache = options.cacheDir && options.cacheKey ? new ParseCache(options.cacheDir, options.cacheKey) : undefined;
  // A file whose stat is as the last build saw it is known by its digest: its parse comes from
  // the cache and its text is read only if something asks for it (a render, a code frame).
  const index = options.cacheDir ? new SourceIndex(options.cacheDir) : undefined;
  for (const f of found.files) {
    const file = options.display(f.abs);
    const salt = `${file}\0${options.timeZone}\0${f.kind}`;
    const stat = index ? statIfThere(f.abs) : undefined;
    const known = stat && index?.digest(f.abs, stat);
    const cached = known ? cache?.lookup(known, salt) : undefined;
    let digest: string;
    let text: () => string;
    let parsed: Omit<ParsedSource, 'body'> & { body: () => string };
    if (known && cached) {
      digest = known;
      let memo: string | undefined;
      text = () => (memo ??= readKnown(f.abs, known, file));
      sources.later(file, text);
      parsed = { ...cached, body: () => cached.body(text()) };
    } else {
      const bytes = readFileSync(f.abs);
      digest = bytesDigest(bytes);
      const decoded = decodeSource(bytes, file);
      if ('error' in decoded) {
        diagnostics.push(decoded.error);
        continue;
      }
      if (stat) index?.set(f.abs, stat, digest);
      sources.set(file, decoded.text);
      text = () => decoded.text;
      const run = () => parseSource(decoded.text, file, options.timeZone, f.kind === 'post');
      const fresh = cache ? cache.parse(decoded.text, salt, run, digest) : run();
      parsed = { ...fresh, body: () => fresh.body };
    }
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
    let body: string | undefined;
    const data = parsed.data;
    const doc: SourceDoc = {
      kind: f.kind,
      rel: f.rel,
      abs: f.abs,
      file,
      get source() {
        return text();
      },
      get body() {
        return (body ??= parsed.body());
      },
      digest,
      fm: data,
      slug,
      path: f.kind === 'post' ? `/posts/${slug}/` : `/${slug}/`,
      aliases: (data.aliases ?? []).map((alias, i) => ({ path: alias, ...(parsed.places[`aliases.${i}`] ?? { line: 1, column: 1 }) })),
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
  index?.save();
  return { docs: kept, diagnostics, sources };
}

function slugFromFile(rel: string): string {
  return path.posix.basename(rel, '.md').normalize('NFC');
}

function statIfThere(abs: string): Stats | undefined {
  try {
    return statSync(abs);
  } catch {
    return undefined;
  }
}

/** The text of a file known by its digest; a file changed since it was looked at fails the build. */
function readKnown(abs: string, digest: string, file: string): string {
  const bytes = readFileSync(abs);
  const decoded = bytesDigest(bytes) === digest ? decodeSource(bytes, file) : undefined;
  if (!decoded || 'error' in decoded) throw new Error(`${file} changed while the site was being built; build again`);
  return decoded.text;
}

/** Source texts by display path, for code frames; an unchanged file's is read when asked for. */
class SourceTexts extends Map<string, string> {
  private readonly pending = new Map<string, () => string>();

  later(file: string, read: () => string): void {
    this.pending.set(file, read);
  }

  override get(file: string): string | undefined {
    const known = super.get(file);
    if (known !== undefined) return known;
    const read = this.pending.get(file);
    if (!read) return undefined;
    const text = read();
    this.set(file, text);
    return text;
  }

  override has(file: string): boolean {
    return super.has(file) || this.pending.has(file);
  }
}
