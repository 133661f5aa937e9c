import { readFileSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import Tinypool from 'tinypool';
import { decodeSource } from './decode.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { findContent, type DocKind, type FoundFile } from './find.ts';
import { parseSource, SLUG_RE, type Frontmatter, type ParsedSource } from './frontmatter.ts';
import { RESERVED_TOP_LEVEL } from '../site/urls.ts';
import { ParseCache, type CachedParse } from '../cache/parse-cache.ts';
import { bytesDigest, SourceIndex } from '../cache/source-index.ts';
import { workerFile } from '../paths.ts';

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
  return finishLoad(planLoad(options), options);
}

/**
 * `loadContent`, with the files that must be read and parsed (not known to the caches) shared
 * between this thread and one worker thread when there are many of them and a spare core
 * (`parallel` forces either way). The documents, their order and the diagnostics are the same
 * as `loadContent`'s: the worker only reads, decodes and parses each file it is given, and the
 * results are put together here in the files' order.
 */
export async function loadContentParallel(options: LoadOptions & { parallel?: boolean }): Promise<LoadResult> {
  const plan = planLoad(options);
  const misses = plan.items.filter((item) => !item.cached);
  if (!(options.parallel ?? (misses.length >= MIN_PARALLEL && availableParallelism() > 1))) return finishLoad(plan, options);
  const pool = new Tinypool({ filename: workerFile('load-worker'), minThreads: 1, maxThreads: 1 });
  let next = 0;
  const take = (): LoadItem[] | undefined => (next < misses.length ? misses.slice(next, (next += BATCH)) : undefined);
  const worker = async () => {
    for (let batch = take(); batch; batch = take()) {
      const task: LoadTask = { timeZone: options.timeZone, inputs: batch.map((item) => ({ abs: item.f.abs, file: item.file, post: item.f.kind === 'post' })) };
      const reads = (await pool.run(task)) as SourceRead[];
      batch.forEach((item, k) => (item.read = reads[k]));
    }
  };
  // This thread reads and parses too, from the same queue, so it works while the worker starts.
  const local = async () => {
    for (let batch = take(); batch; batch = take()) {
      for (const item of batch) settle(plan, item, options.timeZone);
      // Yield so that the worker's results are collected and it is fed promptly.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([worker(), local()]);
  } finally {
    await pool.destroy();
  }
  return finishLoad(plan, options);
}

/** Below this many files to parse, starting a worker costs more than it saves. */
const MIN_PARALLEL = 500;
const BATCH = 64;

/** A task for the load worker (load-worker.ts): plain data only. */
export interface LoadTask {
  timeZone: string;
  inputs: { abs: string; file: string; post: boolean }[];
}

/** A file read, decoded and (when it decoded) parsed: what the load worker returns for it. */
export interface SourceRead {
  digest: string;
  decoded: { text: string } | { error: Diagnostic };
  parsed?: ParsedSource;
}

/** Reads, decodes and parses each file of a task (the load worker's job). */
export function readSources(task: LoadTask): SourceRead[] {
  return task.inputs.map(({ abs, file, post }) => {
    const read = readSource(abs, file);
    return 'text' in read.decoded ? { ...read, parsed: parseSource(read.decoded.text, file, task.timeZone, post) } : read;
  });
}

function readSource(abs: string, file: string): SourceRead {
  const bytes = readFileSync(abs);
  return { digest: bytesDigest(bytes), decoded: decodeSource(bytes, file) };
}

/** A content file on its way to a document. */
interface LoadItem {
  f: FoundFile;
  file: string;
  /** Everything besides the text that its parse depends on (see ParseCache). */
  salt: string;
  stat: Stats | undefined;
  /** Its digest, when the source index knows its stat and the parse cache its parse. */
  known?: string;
  cached?: CachedParse;
  /** Read and parsed on the worker, not yet settled. */
  read?: SourceRead;
  /** Read and parsed (through the parse cache), ready to become a document. */
  settled?: SourceRead;
}

interface LoadPlan {
  found: ReturnType<typeof findContent>;
  cache: ParseCache | undefined;
  index: SourceIndex | undefined;
  items: LoadItem[];
}

/** Finds the content files and what the caches know of each. */
function planLoad(options: LoadOptions): LoadPlan {
  const found = findContent(options.contentDir, options.display);
  const cache = options.cacheDir && options.cacheKey ? new ParseCache(options.cacheDir, options.cacheKey) : undefined;
  // A file whose stat is as the last build saw it is known by its digest: its parse comes from
  // the cache and its text is read only if something asks for it (a render, a code frame).
  const index = options.cacheDir ? new SourceIndex(options.cacheDir) : undefined;
  const items = found.files.map((f): LoadItem => {
    const file = options.display(f.abs);
    const salt = `${file}\0${options.timeZone}\0${f.kind}`;
    const stat = index ? statIfThere(f.abs) : undefined;
    const known = stat && index?.digest(f.abs, stat);
    const cached = known ? cache?.lookup(known, salt) : undefined;
    return { f, file, salt, stat, ...(known && cached ? { known, cached } : {}) };
  });
  return { found, cache, index, items };
}

/** Reads (unless the worker did) and parses a file the caches do not know, through the parse cache. */
function settle(plan: LoadPlan, item: LoadItem, timeZone: string): SourceRead {
  if (item.settled) return item.settled;
  const read = item.read ?? readSource(item.f.abs, item.file);
  const { decoded } = read;
  if (!('text' in decoded)) return (item.settled = read);
  const run = () => read.parsed ?? parseSource(decoded.text, item.file, timeZone, item.f.kind === 'post');
  const parsed = plan.cache ? plan.cache.parse(decoded.text, item.salt, run, read.digest) : run();
  return (item.settled = { digest: read.digest, decoded, parsed });
}

/** The documents, in the files' order, and every diagnostic: the same whoever parsed the files. */
function finishLoad(plan: LoadPlan, options: LoadOptions): LoadResult {
  const { found, index } = plan;
  const diagnostics = [...found.diagnostics];
  const sources = new SourceTexts();
  const docs: SourceDoc[] = [];
  const places = new Map<SourceDoc, Record<string, { line: number; column: number }>>();
  for (const item of plan.items) {
    const { f, file, stat, known, cached } = item;
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
      const settled = settle(plan, item, options.timeZone);
      digest = settled.digest;
      const decoded = settled.decoded;
      if ('error' in decoded) {
        diagnostics.push(decoded.error);
        continue;
      }
      if (stat) index?.set(f.abs, stat, digest);
      sources.set(file, decoded.text);
      text = () => decoded.text;
      const fresh = settled.parsed!;
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
  plan.cache?.save();
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
