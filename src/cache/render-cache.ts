import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { observeDep } from '../markdown/deps.ts';
import { dependencyVersion } from '../paths.ts';
import { PIPELINE_VERSION } from '../markdown/processor.ts';
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

  get(input: RenderInput, key = this.key(input)): Rendered | undefined {
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

  /** Drops entries this build did not use, so the cache does not grow without bound. */
  prune(): void {
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name.replace(/\.(json|html)$/, ''))) rmSync(path.join(this.dir, name), { force: true });
    }
  }
}

function depsHold(deps: Record<string, string>, input: RenderInput): boolean {
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

/** Digest of everything rendering reads directly; see `RenderCache`. */
export function renderKey(input: RenderInput): string {
  return createHash('sha256')
    .update(JSON.stringify([ENVIRONMENT, input.rel, input.sitePath, input.base, input.contentDir, input.displayPath, input.body]))
    .digest('hex');
}

/** Identifies a render's output: its input's key and what it read indirectly (`deps`). */
export function outputKey(key: string, rendered: Rendered): string {
  return createHash('sha1').update(key).update(JSON.stringify(rendered.deps)).digest('hex');
}

/** Versions that change output: ours and those of the libraries that render. */
const ENVIRONMENT = (() => {
  const versions: Record<string, string> = { pipeline: String(PIPELINE_VERSION) };
  for (const pkg of ['katex', 'highlight.js', 'lowlight', 'unified', 'remark-parse', 'remark-gfm', 'remark-math', 'remark-rehype', 'rehype-sanitize', 'rehype-slug', 'rehype-stringify', 'remark-cjk-friendly', 'remark-cjk-friendly-gfm-strikethrough', 'github-slugger']) {
    versions[pkg] = dependencyVersion(pkg) ?? 'unknown';
  }
  return JSON.stringify(versions);
})();
