import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, type Stats, statSync, utimesSync, writeFileSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { observeDep } from '../markdown/deps.ts';
import type { RenderInput, Rendered } from '../markdown/render.ts';

/**
 * Rendered documents on disk, so an unchanged post is never rendered twice. An entry is keyed
 * by everything rendering reads directly (body, paths, base, pipeline and dependency versions);
 * what it reads indirectly (other posts' URLs, files beside it) is stored with the entry as
 * `deps` and re-checked before the entry is used. Anything unreadable is a miss, never a page.
 */
export class RenderCache {
  private readonly dir: string;
  private readonly used = new Set<string>();
  /** The entries' metadata in one file (see `PackedEntry`), so a warm build does not read one file per post. */
  private readonly packFile: string;
  private readonly pack: Record<string, PackedEntry>;
  private readonly packed = new Map<string, PackedEntry>();
  private packChanged = false;
  /** Entries being written (see `set`). */
  private readonly writes: Promise<void>[] = [];
  hits = 0;
  misses = 0;

  /** `cacheKey`: the site's key (`siteKey`); every entry's key covers it. */
  constructor(cacheDir: string, private readonly cacheKey: string) {
    this.dir = path.join(cacheDir, 'render');
    this.packFile = path.join(cacheDir, 'render-index.json');
    mkdirSync(this.dir, { recursive: true });
    try {
      this.pack = JSON.parse(readFileSync(this.packFile, 'utf8')) as Record<string, PackedEntry>;
    } catch {
      this.pack = {};
    }
  }

  key(input: RenderInput): string {
    return renderKey(input, this.cacheKey);
  }

  /** `input` is needed for what the entry read indirectly (its body only for the default key). */
  get(input: Omit<RenderInput, 'body'> & Partial<Pick<RenderInput, 'body'>>, key = this.key({ ...input, body: input.body ?? '' })): Rendered | undefined {
    const file = path.join(this.dir, `${key}.json`);
    const htmlFile = path.join(this.dir, `${key}.html`);
    const jsonStat = statSync(file, { throwIfNoEntry: false });
    const htmlStamp = stamp(statSync(htmlFile, { throwIfNoEntry: false }));
    let entry: Omit<Rendered, 'html'>;
    const packed = this.pack[key];
    if (packed && packed.json === stamp(jsonStat) && packed.html === htmlStamp) {
      // Both files as they were when the metadata was packed: the JSON is read only if the
      // plain text (kept out of the pack, being most of it) is asked for.
      entry = lazyText({ ...packed.meta }, file);
    } else {
      try {
        entry = JSON.parse(readFileSync(file, 'utf8')) as Omit<Rendered, 'html'>;
      } catch {
        this.misses++;
        return undefined;
      }
      this.packChanged = true;
    }
    if (!isEntry(entry) || htmlStamp === '' || !depsHold(entry.deps, input)) {
      this.misses++;
      return undefined;
    }
    this.used.add(key);
    this.hits++;
    // Marks the entry as in use, so a build running beside this one does not prune it; an entry
    // touched in the last few minutes is left alone (pruning waits an hour).
    let jsonStamp = stamp(jsonStat);
    if (!jsonStat || Date.now() - jsonStat.mtimeMs > TOUCH_AFTER_MS) {
      try {
        const now = new Date();
        utimesSync(file, now, now);
        jsonStamp = stamp(statSync(file, { throwIfNoEntry: false }));
        this.packChanged = true;
      } catch {
        // read-only cache: pruning is then not ours either
      }
    }
    this.packed.set(key, { meta: packed?.meta ?? withoutText(entry), json: jsonStamp, html: htmlStamp });
    // The HTML (most of an entry) is read only when a page that shows it is rendered: on a
    // rebuild after one edit, that is a handful of posts, not all of them.
    return lazyHtml(entry, htmlFile);
  }

  /**
   * Stores a render; returns it with its HTML read from the cache on demand once written (so the
   * build need not hold every post's HTML), or undefined when it is not cached. The files are
   * written off this thread (`prune` waits for them); until a write lands, or if it fails, the
   * HTML is kept in memory, so a page that shows it never reads a half-written file.
   */
  set(input: RenderInput, rendered: Rendered, key = this.key(input)): Rendered | undefined {
    // Documents with errors are rendered again next time, so their errors are reported again.
    if (rendered.diagnostics.some((d) => d.severity === 'error')) return undefined;
    this.used.add(key);
    const { html, key: outKey, ...meta } = rendered;
    const htmlFile = path.join(this.dir, `${key}.html`);
    const file = path.join(this.dir, `${key}.json`);
    let held: string | undefined = html;
    this.writes.push(
      Promise.all([writeFile(htmlFile, html), writeFile(file, JSON.stringify(meta))])
        .then(async () => {
          const [json, written] = await Promise.all([stat(file), stat(htmlFile)]);
          this.packed.set(key, { meta: withoutText(meta), json: stamp(json), html: stamp(written) });
          this.packChanged = true;
          held = undefined;
        })
        // An unwritable cache is no cache: the entry stays out of the pack and its HTML in memory.
        .catch(() => undefined),
    );
    const entry = { ...meta, ...(outKey !== undefined ? { key: outKey } : {}) };
    return Object.defineProperty(entry, 'html', { enumerable: true, get: () => held ?? readFileSync(htmlFile, 'utf8') }) as Rendered;
  }

  /**
   * Drops entries this build did not use and nobody has used for an hour, so the cache does not
   * grow without bound while builds of the same site side by side (two base paths, a build
   * beside `folio dev`) never remove what the other is about to read. Then packs the metadata
   * of the entries this build used, when it changed.
   */
  async prune(): Promise<void> {
    await Promise.all(this.writes.splice(0));
    const stale = Date.now() - PRUNE_AFTER_MS;
    for (const name of readdirSync(this.dir)) {
      const key = name.replace(/\.(json|html)$/, '');
      if (this.used.has(key)) continue;
      try {
        if (statSync(path.join(this.dir, `${key}.json`)).mtimeMs > stale) continue;
      } catch {
        // no entry file: the other half of a removed entry
      }
      rmSync(path.join(this.dir, name), { force: true });
    }
    if (!this.packChanged && this.packed.size === Object.keys(this.pack).length) return;
    const tmp = `${this.packFile}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.packed)));
    renameSync(tmp, this.packFile);
  }
}

/**
 * An entry's metadata (all but the HTML) with the size and mtime of its two files when packed:
 * while both are unchanged, the metadata is taken from the pack.
 */
interface PackedEntry {
  meta: Omit<Rendered, 'html' | 'text'>;
  json: string;
  html: string;
}

function withoutText(meta: Omit<Rendered, 'html'>): Omit<Rendered, 'html' | 'text'> {
  const { text: _text, ...rest } = meta;
  return rest;
}

/** The packed metadata with `text` read from the entry's file on first use. */
function lazyText(meta: Omit<Rendered, 'html' | 'text'>, file: string): Omit<Rendered, 'html'> {
  let text: string | undefined;
  return Object.defineProperty(meta, 'text', {
    enumerable: true,
    get: () => (text ??= String((JSON.parse(readFileSync(file, 'utf8')) as { text?: unknown }).text ?? '')),
  }) as Omit<Rendered, 'html'>;
}

function stamp(s: Stats | undefined): string {
  return s ? `${s.size}:${s.mtimeMs}` : '';
}

/** An entry a build uses is touched again once its last touch is this old. */
const TOUCH_AFTER_MS = 10 * 60 * 1000;

/** How long an entry no build uses is kept. */
const PRUNE_AFTER_MS = 60 * 60 * 1000;

function depsHold(deps: Record<string, string>, input: Parameters<typeof observeDep>[1]): boolean {
  for (const [dep, seen] of Object.entries(deps)) if (observeDep(dep, input) !== seen) return false;
  return true;
}

/** The entry with an `html` property that reads the file on first use (and is not kept after). */
function lazyHtml(entry: Omit<Rendered, 'html'>, htmlFile: string): Rendered {
  return Object.defineProperty(entry, 'html', { enumerable: true, get: () => readFileSync(htmlFile, 'utf8') }) as Rendered;
}

function isEntry(value: unknown): value is Omit<Rendered, 'html'> {
  const r = value as Rendered;
  return typeof r === 'object' && r !== null && Array.isArray(r.diagnostics) && typeof r.deps === 'object' && r.deps !== null && Array.isArray(r.links);
}

/**
 * Digest of everything rendering reads directly; see `RenderCache`. The body stands in by itself,
 * or by `sourceDigest`, the digest of the file it comes from (see `bytesDigest`): the body is cut
 * from that file by Folio's own code, which the key covers, so an unchanged file need not be read.
 */
export function renderKey(input: Pick<RenderInput, 'rel' | 'sitePath' | 'base' | 'contentDir' | 'displayPath'> & ({ body: string } | { sourceDigest: string }), cacheKey: string): string {
  const body = 'sourceDigest' in input ? ['file', input.sourceDigest] : input.body;
  return createHash('sha256')
    .update(JSON.stringify([cacheKey, input.rel, input.sitePath, input.base, input.contentDir, input.displayPath, body]))
    .digest('hex');
}

/** Identifies a render's output: its input's key and what it read indirectly (`deps`). */
export function outputKey(key: string, rendered: Rendered): string {
  return createHash('sha1').update(key).update(JSON.stringify(rendered.deps)).digest('hex');
}
