import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { walkFiles } from '../content/walk.ts';
import { dependencyDir, dependencyVersion } from '../paths.ts';
import { INDEXED, searchInput, searchRecord, type SearchRecord as PagefindRecord } from './search-input.ts';

/** One page to index: its site path (without the base) and its finished HTML. */
export interface SearchPage {
  /** `/posts/mae/`: stored without the base, which the browser adds (`baseUrl`). */
  url: string;
  /** The page's markup, or a way to read it: only shards that must be indexed read their pages. */
  html: string | (() => string);
  /** Identifies the page's content (its page key); by default a digest of the markup. */
  key?: string;
  /** Its record for Pagefind, if one was made from the same markup already (see PageReader). */
  record?: () => PagefindRecord | undefined;
}

export interface SearchIndexOptions {
  /** The pages to index: post pages only, so lists, tags and nav never show up as results. */
  pages: SearchPage[];
  /** Output directory (the staging dir of a build); the bundle goes to `<outDir>/pagefind/`. */
  outDir: string;
  /** Where indexed shards are kept between builds; an unchanged shard is not indexed again. */
  cacheDir?: string;
  /** Number of shards; by default it grows with the number of pages (see `shardCount`). */
  shards?: number;
  /** Pagefind processes indexing shards side by side; by default one per core. */
  services?: number;
}

export interface SearchIndexResult {
  pages: number;
  errors: string[];
  ms: number;
  /** Shards in the index, and how many of them had to be indexed (the rest came from the cache). */
  shards: number;
  indexed: number;
}


/**
 * The search stage: builds a Pagefind index of the given pages into `<outDir>/pagefind/`.
 * Pagefind's extended binary segments Chinese, and each page's language comes from its
 * `<html lang>`. What is indexed within a page is marked in the templates: the post title and
 * body carry `data-pagefind-body`, so header, nav, footer and asides are left out.
 *
 * The input is a plain list of pages so the stage can later index only changed posts or shard
 * by section without the rest of the build knowing.
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  // Sorted so the bundle does not depend on the order posts arrive in.
  const records: SearchRecord[] = options.pages
    .map((p) => ({ url: p.url, key: p.key ?? pageDigest(p.html), page: p }))
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const shards = shardRecords(records, options.shards ?? shardCount(records.length));
  const keys = shards.map((shard) => shardKey(shard));
  const cacheRoot = options.cacheDir ? path.join(options.cacheDir, 'search') : undefined;
  const errors: string[] = [];
  const fresh: string[] = [];
  const bundles: string[] = new Array(shards.length);
  const pending: number[] = [];
  shards.forEach((_, i) => {
    const cached = cacheRoot ? path.join(cacheRoot, keys[i]!) : undefined;
    if (cached && existsSync(path.join(cached, 'pagefind-entry.json'))) bundles[i] = cached;
    else pending.push(i);
  });
  // Shards are indexed side by side, each Pagefind process taking the next shard when done.
  const services = await Promise.all(
    Array.from({ length: Math.min(pending.length, Math.max(1, options.services ?? availableParallelism())) }, (_, n) => pagefindService(n)),
  );
  try {
    let next = 0;
    await Promise.all(
      services.map(async (pagefind) => {
        for (let at = next++; at < pending.length && errors.length === 0; at = next++) {
          const i = pending[at]!;
          const target = cacheRoot ? path.join(cacheRoot, keys[i]!) : path.join(options.outDir, `.pagefind-shard-${i}`);
          const memo = options.cacheDir ? new RecordMemo(path.join(options.cacheDir, 'search-records', `${shards.length}-${i}.json`)) : undefined;
          const built = await indexShard(pagefind, shards[i]!, `${target}.tmp-${process.pid}`, memo);
          if (built.length === 0) memo?.save();
          errors.push(...built);
          if (built.length > 0) return;
          rmSync(target, { recursive: true, force: true });
          renameSync(`${target}.tmp-${process.pid}`, target);
          fresh.push(keys[i]!);
          bundles[i] = target;
        }
      }),
    );
  } finally {
    await Promise.all(services.map((pagefind) => pagefind.close()));
  }
  if (errors.length > 0) return { pages: records.length, errors, ms: Math.round(performance.now() - started), shards: shards.length, indexed: fresh.length };
  // The first shard is the primary bundle at pagefind/; the others are merged in the browser.
  const root = path.join(options.outDir, 'pagefind');
  const extra: string[] = [];
  bundles.forEach((bundle, i) => {
    const dir = i === 0 ? root : path.join(root, `shard-${keys[i]!.slice(0, 16)}`);
    // A cached shard is never written again (a new one is renamed into place), so the output may
    // share its files: hard links, not copies. Without a cache the shard is moved.
    if (cacheRoot) linkTree(bundle, dir);
    else renameSync(bundle, dir);
    if (i > 0) extra.push(`shard-${keys[i]!.slice(0, 16)}/`);
  });
  writeFileSync(path.join(root, 'shards.json'), `${JSON.stringify(extra)}\n`);
  if (cacheRoot) pruneShards(cacheRoot, new Set(keys));
  return { pages: records.length, errors, ms: Math.round(performance.now() - started), shards: shards.length, indexed: fresh.length };
}

interface SearchRecord {
  url: string;
  key: string;
  page: SearchPage;
}

function pageDigest(html: SearchPage['html']): string {
  return createHash('sha1').update(typeof html === 'string' ? html : html()).digest('hex');
}

/**
 * Posts are split into shards by a hash of their URL, so editing one post changes one shard's
 * index only; the browser merges the shards (Pagefind's mergeIndex). Small sites get one shard.
 */
export function shardCount(pages: number): number {
  if (pages <= 500) return 1;
  return Math.min(64, 2 ** Math.ceil(Math.log2(pages / 300)));
}

function shardRecords(records: SearchRecord[], n: number): SearchRecord[][] {
  const shards: SearchRecord[][] = Array.from({ length: n }, () => []);
  for (const r of records) shards[fnv1a(r.url) % n]!.push(r);
  return shards.filter((s, i) => i === 0 || s.length > 0);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function shardKey(shard: SearchRecord[]): string {
  const hash = createHash('sha256').update(`${PAGEFIND_VERSION}\0${INPUT_FORM}\0${INDEXED.excludeClasses.join(',')}\0`);
  for (const r of shard) hash.update(`${r.url}\0${r.key}\0`);
  return hash.digest('hex').slice(0, 32);
}

const PAGEFIND_VERSION = dependencyVersion('pagefind') ?? 'unknown';
/** How pages reach Pagefind (records since anchors lost their texts): a change re-indexes every shard. */
const INPUT_FORM = 'records-1';

/** Pagefind's prebuilt UIs; the site uses its JavaScript API only. */
const UNUSED = /^pagefind-(?:component-ui|modular-ui|ui|highlight)\./;

type Pagefind = typeof import('pagefind');

/**
 * A Pagefind module of its own, hence a service process of its own: Pagefind's Node API keeps
 * one process per module instance, and a module URL with another query is another instance.
 */
function pagefindService(n: number): Promise<Pagefind> {
  const dir = dependencyDir('pagefind');
  if (n === 0 || dir === undefined) return import('pagefind');
  return import(`${pathToFileURL(path.join(dir, 'lib/index.js')).href}?service=${n}`) as Promise<Pagefind>;
}

async function indexShard(pagefind: Pagefind, records: SearchRecord[], outputPath: string, memo?: RecordMemo): Promise<string[]> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: INDEXED.excludeClasses.map((c) => `.${c}`) });
  if (!index) return errors.length ? errors : ['Pagefind could not start'];
  const all = [...errors];
  try {
    for (const r of records) {
      let markup: string | undefined;
      const html = () => (markup ??= typeof r.page.html === 'string' ? r.page.html : r.page.html());
      // The text we already have, in Pagefind's own form, so it neither parses nor re-reads the
      // page; a page using a Pagefind attribute the record does not reproduce goes as HTML. A
      // page whose key is unchanged since its shard was last indexed is not read at all.
      const make = () => r.page.record?.() ?? searchRecord(html(), INDEXED);
      const record = memo ? memo.get(r.key, make) : make();
      const added = record ? await index.addCustomRecord({ url: r.url, ...record }) : await index.addHTMLFile({ url: r.url, content: searchInput(html(), INDEXED) });
      all.push(...added.errors.map((e) => `${r.url}: ${e}`));
    }
    const written = await index.writeFiles({ outputPath });
    all.push(...written.errors);
  } finally {
    await index.deleteIndex();
  }
  for (const name of readdirSync(outputPath)) if (UNUSED.test(name)) rmSync(path.join(outputPath, name), { force: true });
  return all;
}

/**
 * The records of one shard's pages by page key, kept beside the shard cache: re-indexing a
 * shard after one edit parses one page, not all of them. Keys cover the page's title and body
 * (see `SearchPage.key`), which is all a record is made from.
 */
class RecordMemo {
  private readonly old: Record<string, PagefindRecord>;
  private readonly next: Record<string, PagefindRecord> = {};

  constructor(private readonly file: string) {
    try {
      this.old = JSON.parse(readFileSync(file, 'utf8')) as Record<string, PagefindRecord>;
    } catch {
      this.old = {};
    }
  }

  get(key: string, make: () => PagefindRecord | undefined): PagefindRecord | undefined {
    const id = `${INPUT_FORM}\0${key}`;
    const record = this.old[id] ?? make();
    if (record) this.next[id] = record;
    return record;
  }

  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp-${process.pid}`, JSON.stringify(this.next));
    renameSync(`${this.file}.tmp-${process.pid}`, this.file);
  }
}

/** `to` gets every file of `from` as a hard link (a copy where the file system has none). */
function linkTree(from: string, to: string): void {
  for (const f of walkFiles(from, { display: (p) => p, name: 'search shard', keepDotted: () => true }).files) {
    const dest = path.join(to, f.rel);
    mkdirSync(path.dirname(dest), { recursive: true });
    try {
      linkSync(f.real, dest);
    } catch {
      copyFileSync(f.real, dest);
    }
  }
}

function pruneShards(cacheRoot: string, keep: Set<string>): void {
  for (const name of readdirSync(cacheRoot)) if (!keep.has(name)) rmSync(path.join(cacheRoot, name), { recursive: true, force: true });
}
