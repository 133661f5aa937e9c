import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { observeDep } from '../markdown/deps.ts';
import { CODE_KEY } from './code-key.ts';
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
  hits = 0;
  misses = 0;

  constructor(cacheDir: string) {
    this.dir = path.join(cacheDir, 'render');
    mkdirSync(this.dir, { recursive: true });
  }

  key(input: RenderInput): string {
    return renderKey(input);
  }

  /** `input` is needed for what the entry read indirectly (its body only for the default key). */
  get(input: Omit<RenderInput, 'body'> & Partial<Pick<RenderInput, 'body'>>, key = this.key({ ...input, body: input.body ?? '' })): Rendered | undefined {
    const file = path.join(this.dir, `${key}.json`);
    const htmlFile = path.join(this.dir, `${key}.html`);
    let entry: Omit<Rendered, 'html'>;
    try {
      entry = JSON.parse(readFileSync(file, 'utf8')) as Omit<Rendered, 'html'>;
    } catch {
      this.misses++;
      return undefined;
    }
    if (!isEntry(entry) || !existsSync(htmlFile) || !depsHold(entry.deps, input)) {
      this.misses++;
      return undefined;
    }
    this.used.add(key);
    this.hits++;
    // Marks the entry as in use, so a build running beside this one does not prune it.
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // read-only cache: pruning is then not ours either
    }
    // The HTML (most of an entry) is read only when a page that shows it is rendered: on a
    // rebuild after one edit, that is a handful of posts, not all of them.
    return lazyHtml(entry, htmlFile);
  }

  /**
   * Stores a render; returns it with its HTML now read from the cache on demand (so the build
   * need not hold every post's HTML), or undefined when it is not cached.
   */
  set(input: RenderInput, rendered: Rendered, key = this.key(input)): Rendered | undefined {
    // Documents with errors are rendered again next time, so their errors are reported again.
    if (rendered.diagnostics.some((d) => d.severity === 'error')) return undefined;
    this.used.add(key);
    const { html, key: outKey, ...meta } = rendered;
    const htmlFile = path.join(this.dir, `${key}.html`);
    writeFileSync(htmlFile, html);
    writeFileSync(path.join(this.dir, `${key}.json`), JSON.stringify(meta));
    return lazyHtml({ ...meta, ...(outKey !== undefined ? { key: outKey } : {}) }, htmlFile);
  }

  /**
   * Drops entries this build did not use and nobody has used for an hour, so the cache does not
   * grow without bound while builds of the same site side by side (two base paths, a build
   * beside `folio dev`) never remove what the other is about to read.
   */
  prune(): void {
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
  }
}

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
export function renderKey(input: Pick<RenderInput, 'rel' | 'sitePath' | 'base' | 'contentDir' | 'displayPath'> & ({ body: string } | { sourceDigest: string })): string {
  const body = 'sourceDigest' in input ? ['file', input.sourceDigest] : input.body;
  return createHash('sha256')
    .update(JSON.stringify([ENVIRONMENT, input.rel, input.sitePath, input.base, input.contentDir, input.displayPath, body]))
    .digest('hex');
}

/** Identifies a render's output: its input's key and what it read indirectly (`deps`). */
export function outputKey(key: string, rendered: Rendered): string {
  return createHash('sha1').update(key).update(JSON.stringify(rendered.deps)).digest('hex');
}

/** What renders: Folio's own code and the installed versions of its libraries (one key for every cache). */
const ENVIRONMENT = CODE_KEY;
