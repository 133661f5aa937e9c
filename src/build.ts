import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findConfigFile, loadUserConfig, resolveConfig, type SiteConfig } from './config.ts';
import { byPosition, diagnostic, type Diagnostic } from './content/diagnostic.ts';
import type { RenderInput, Rendered } from './markdown/render.ts';
import { siteKey } from './cache/code-key.ts';
import { type BuildRecord, fileStamps, inputFingerprint, outStamp, readRecord, reusableFiles, writeRecord } from './cache/build-record.ts';
import type { SourceDoc } from './content/load.ts';
import type { SearchPage } from './output/search.ts';
import type { OutputFile } from './output/writer.ts';
import type { Site } from './site/model.ts';
import { listPublic, type PublicFile } from './content/public-files.ts';
import { guardOutput, markOutput } from './output/out-guard.ts';
import { loadSiteTemplates, siteTemplatesDir } from './plugins/site-templates.ts';
import { outputFile } from './site/urls.ts';
import type { BuildOptions as PublicBuildOptions } from './config/types.ts';
import { stopwatch, type StageTimes } from './timing.ts';

/** The public options (`build()` in the package) and what the CLI and tests add. */
export interface BuildOptions extends PublicBuildOptions {
  /** Progress callback for the CLI. */
  onProgress?: (done: number, total: number) => void;
  /** Reuse rendered posts across builds from `.cache/folio/` (default true). */
  cache?: boolean;
  /** Render worker threads (default: cores − 1; 0 renders on the main thread). */
  threads?: number;
}

export interface BuildStats {
  posts: number;
  pages: number;
  tags: number;
  categories: number;
  files: number;
  /** Documents reused from the render cache, and rendered afresh. */
  cached: number;
  rendered: number;
  /** Generated files that were unchanged since the last build, so not rendered again. */
  reusedPages?: number;
  /** Page keys computed in this build; the others were known from the last one (see `siteShape`). */
  rekeyed?: number;
  /** True when nothing had changed and the output was left as it was. */
  upToDate?: boolean;
  /** Search index shards, and how many were indexed in this build (the rest were unchanged). */
  search?: { shards: number; indexed: number };
  ms: number;
  /** Milliseconds per stage of this run (`--verbose`). */
  stages: StageTimes;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Source text by display path, for code frames. */
  sources: Map<string, string>;
  stats: BuildStats;
  outDir: string;
  config: SiteConfig;
}

/** Options everything below needs, resolved once. */
export interface ResolvedOptions {
  root: string;
  /** The site config file, when there is one. */
  configFile?: string;
  contentDir: string;
  outDir: string;
  publicDir: string;
  config: SiteConfig;
  drafts: boolean;
  strict: boolean;
  search: boolean;
  /** Where the render cache lives, or undefined for no cache. */
  cacheDir?: string;
  /** The one key every cache uses: Folio's code and the site's config, plugins, modules, templates and CSS (`siteKey`). */
  cacheKey: string;
  threads?: number;
}

export async function resolveOptions(options: BuildOptions): Promise<ResolvedOptions> {
  const root = path.resolve(options.root ?? process.cwd());
  const configFile = findConfigFile(root, options.configFile);
  const config = resolveConfig(await loadUserConfig(root, configFile, display), { base: options.base, url: options.url } as Partial<SiteConfig>);
  const contentDir = path.resolve(root, options.contentDir ?? 'content');
  const outDir = path.resolve(root, options.outDir ?? 'dist');
  const publicDir = path.join(root, 'public');
  let cacheKey: string | undefined;
  return {
    root,
    ...(configFile ? { configFile } : {}),
    contentDir,
    outDir,
    publicDir,
    config,
    // Computed when a build or the dev server first asks (it reads Folio's code and the site's):
    // `folio new` and `preview` never do.
    get cacheKey() {
      return (cacheKey ??= siteKey({ root, config, exclude: [contentDir, publicDir, outDir, path.join(root, '.cache')] }));
    },
    drafts: options.drafts ?? false,
    strict: options.strict ?? false,
    search: options.search ?? true,
    ...(options.cache === false ? {} : { cacheDir: path.join(root, '.cache', 'folio') }),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  };
}

export const display = (abs: string): string => {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
};

/** The heavy stages, loaded on first use: a build with nothing to do never loads them. */
const loadStages = () => import('./stages.ts');

/** The content half of the pipeline: load → render → link → collect. No disk writes but the cache. */
export async function buildSite(
  opts: ResolvedOptions,
  onProgress?: BuildOptions['onProgress'],
): Promise<{ site: Site; diagnostics: Diagnostic[]; sources: Map<string, string>; cache: { hits: number; misses: number }; stages: StageTimes; publicFiles: PublicFile[] }> {
  const { config } = opts;
  const timer = stopwatch();
  const { loadContent, toDocs, checkFragments, collectSite, checkNav, siteRedirects } = await loadStages();
  const loaded = loadContent({ contentDir: opts.contentDir, timeZone: config.timeZone, drafts: opts.drafts, display, ...(opts.cacheDir ? { cacheDir: opts.cacheDir, cacheKey: opts.cacheKey } : {}) });
  timer.lap('load');
  const publicFiles = listPublic(opts.publicDir, display);
  const diagnostics = [...loaded.diagnostics, ...publicFiles.diagnostics];
  const { rendered, cache } = await renderAll(loaded.docs, opts, onProgress);
  timer.lap('render');
  for (const r of rendered.values()) diagnostics.push(...r.diagnostics);
  const docs = toDocs(loaded.docs, rendered);
  diagnostics.push(...checkFragments(docs));
  diagnostics.push(...futureDated(loaded.docs));
  const site = collectSite(config, docs);
  diagnostics.push(...checkNav(site, { publicFiles: publicFiles.files, ...(opts.configFile ? { configFile: opts.configFile, configSource: readFileSync(opts.configFile, 'utf8') } : {}), display }));
  diagnostics.push(...siteRedirects(site, publicFiles.files.map((f) => f.rel)).diagnostics);
  timer.lap('collect');
  // public/ is walked here once; what emits the site takes `publicFiles` from this result.
  return { site, diagnostics: diagnostics.sort(byPosition), sources: loaded.sources, cache, stages: timer.times, publicFiles: publicFiles.files };
}

/** Renders every document, from the cache when its inputs are unchanged, else on the worker pool. */
async function renderAll(docs: SourceDoc[], opts: ResolvedOptions, onProgress?: BuildOptions['onProgress']) {
  const { buildWikiIndex, RenderCache, renderMany, renderKey, outputKey, markdownLabels, resolveStrings, sitePlugins } = await loadStages();
  const labels = markdownLabels(resolveStrings(opts.config.language, opts.config.strings));
  const docPaths = Object.fromEntries(docs.map((d) => [d.rel, d.path]));
  const wikiIndex = buildWikiIndex(docs.map((d) => ({ rel: d.rel, slug: d.slug, title: d.fm.title })));
  // The body is read only for a document that is rendered: a cached one is keyed by its file's digest.
  const inputs = docs.map((doc) => {
    const fields = { rel: doc.rel, displayPath: doc.file, sitePath: doc.path, docPaths, wikiIndex, contentDir: opts.contentDir, base: opts.config.base };
    return { fields, key: renderKey({ ...fields, sourceDigest: doc.digest }, opts.cacheKey), body: () => doc.body };
  });
  const cache = opts.cacheDir ? new RenderCache(opts.cacheDir, opts.cacheKey) : undefined;
  const rendered = new Map<string, Rendered>();
  const misses: { input: RenderInput; key: string }[] = [];
  for (const { fields, key, body } of inputs) {
    const hit = cache?.get(fields, key);
    if (hit) {
      // Assigned, not spread: spreading would read the lazily loaded HTML.
      hit.key = outputKey(key, hit);
      rendered.set(fields.rel, hit);
    } else misses.push({ input: { ...fields, body: body() }, key });
  }
  const fresh = await renderMany(
    misses.map((m) => m.input),
    {
      math: { failOn: 'error' },
      labels,
      plugins: sitePlugins(opts.config),
      siteConfig: { root: opts.root, ...(opts.configFile ? { file: opts.configFile } : {}) },
      ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
      ...(onProgress ? { onProgress: (done: number) => onProgress(rendered.size + done, inputs.length) } : {}),
      // Each render goes to the cache as it arrives and keeps its HTML there, read back when a
      // page shows it: a large site's HTML never sits in memory all at once.
      onResult: (i, r) => {
        const m = misses[i]!;
        r.key = outputKey(m.key, r);
        return cache?.set(m.input, r, m.key) ?? r;
      },
    },
  );
  misses.forEach((m, i) => rendered.set(m.input.rel, fresh[i]!));
  await cache?.prune();
  return { rendered, cache: { hits: cache?.hits ?? 0, misses: misses.length } };
}

function futureDated(docs: SourceDoc[]): Diagnostic[] {
  const now = Date.now();
  return docs
    .filter((d) => d.kind === 'post' && d.fm.date && d.fm.date.getTime() > now)
    .map((d) => diagnostic(d.file, d.source.split('\n').findIndex((l) => /^date\s*:/.test(l)) + 1 || 2, 1, 'this post is dated in the future; it is published now all the same', 'frontmatter/future-date', 'warning'));
}

/** `folio build`: the whole pipeline, written atomically into the output directory. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const opts = await resolveOptions(options);
  const { config } = opts;
  const stats: BuildStats = { posts: 0, pages: 0, tags: 0, categories: 0, files: 0, cached: 0, rendered: 0, ms: 0, stages: {} };
  const result = (ok: boolean, diagnostics: Diagnostic[], sources: Map<string, string>): BuildResult => ({
    ok,
    diagnostics,
    sources,
    stats: { ...stats, ms: Math.round(performance.now() - started) },
    outDir: opts.outDir,
    config,
  });
  if (!existsSync(path.join(opts.contentDir, 'posts'))) {
    const d = diagnostic(display(opts.contentDir), 1, 1, 'no posts/ folder in the content directory', 'content/missing');
    return result(false, [d], new Map());
  }
  // Each build replaces the output folder whole: refuse one that Folio did not make.
  const record = opts.cacheDir ? readRecord(opts.cacheDir, opts.outDir) : undefined;
  // The last build's files still as it left them (one stat each, once per build): proof that
  // Folio made this folder, the no-change check, and what the new output may hard-link.
  const reusable = record ? reusableFiles(opts.outDir, record) : new Map<string, string>();
  guardOutput({ outDir: opts.outDir, root: opts.root, contentDir: opts.contentDir, publicDir: opts.publicDir, recorded: reusable.size > 0 });
  // Nothing changed since the last build into this directory: the output is already right.
  let timer = stopwatch(stats.stages);
  const fingerprint = opts.cacheDir ? inputFingerprint([opts.contentDir, opts.publicDir, siteTemplatesDir(opts.root)], [...configFiles(opts.root), ...(opts.configFile ? [opts.configFile] : [])], fingerprintOptions(opts)) : undefined;
  if (record && fingerprint === record.fingerprint && record.outStamp === outStamp(opts.outDir) && reusable.size === Object.keys(record.stamps).length) {
    Object.assign(stats, record.stats, { upToDate: true });
    timer.lap('fingerprint');
    return result(true, record.diagnostics, new Map());
  }
  timer.lap('fingerprint');
  // The site's own templates (templates/NAME.ts): a broken one stops the build before any work.
  const siteTemplates = await loadSiteTemplates(opts.root, { display });
  const { site, diagnostics, sources, cache, stages, publicFiles } = await buildSite(opts, options.onProgress);
  Object.assign(stats, { cached: cache.hits, rendered: cache.misses });
  Object.assign(stats.stages, stages);
  timer = stopwatch(stats.stages);
  if (failing(diagnostics, opts.strict)) return result(false, diagnostics, sources);

  const { AtomicOutput, prepareClientAssets, PageReader, siteFiles, createContext, buildSearchIndex, siteShape, trackBodies } = await loadStages();
  const bundle = await prepareClientAssets(config.base, opts.cacheDir, { ...(config.theme ? { theme: config.theme } : {}), css: (config.css ?? []).map((f) => path.resolve(opts.root, f)) });
  timer.lap('assets');
  const out = new AtomicOutput(opts.outDir);
  const reader = new PageReader({ pages: site.posts.length + site.pages.length });
  try {
    bundle.copyTo(out.staging);
    markOutput(out.staging);
    const assets = bundle.manifest;
    // Pages are rendered, written and scanned for links one at a time, so the whole site's
    // markup never sits in memory at once. A page whose key (a digest of what it is made from)
    // is the same as in the last build is not rendered at all: it is linked from the last output.
    const postFiles = new Map(site.posts.map((p) => [outputFile(p.path), p.path]));
    // Search indexes a post's title and body only, so that is all its search key covers.
    const searchKeys = new Map(site.posts.map((p) => [outputFile(p.path), `${p.contentKey}\0${p.title}`]));
    const searchPages: SearchPage[] = [];
    const ctx = createContext(config, assets, siteTemplates.own);
    // Page keys by dependency: with the site's shape as last time, only the pages that show a
    // changed document's body are keyed again; every other page keeps its recorded key.
    const docs = [...site.posts, ...site.pages];
    const shape = siteShape(ctx, docs, opts.cacheKey);
    const bodies = Object.fromEntries(docs.map((d) => [d.path, d.contentKey]));
    const owners = new Map(docs.filter((d) => d.contentKey !== '').map((d) => [d.contentKey, d.path]));
    const rekey = pagesToRekey(record, shape, bodies);
    const pageBodies: Record<string, string[]> = {};
    const keys: Record<string, string> = {};
    let fileCount = 0;
    let reusedPages = 0;
    let rekeyed = 0;
    const files = function* (): Generator<OutputFile> {
      for (const f of siteFiles(site, ctx, { publicFiles, cacheKey: opts.cacheKey, ...(opts.configFile ? { configFile: display(opts.configFile) } : {}) })) {
        fileCount++;
        if (!('render' in f)) {
          yield f;
          continue;
        }
        let key: string | undefined;
        const recorded = record?.keys?.[f.path];
        const shown = record?.pageBodies?.[f.path];
        if (rekey && !rekey.has(f.path) && recorded !== undefined && shown !== undefined) {
          key = recorded;
          pageBodies[f.path] = shown;
        } else if (f.key) {
          const tracked = trackBodies(owners, f.key);
          rekeyed++;
          key = tracked.value;
          pageBodies[f.path] = tracked.bodies;
        }
        if (key !== undefined) keys[f.path] = key;
        const url = opts.search ? postFiles.get(f.path) : undefined;
        const previous = reusable.get(f.path);
        if (key !== undefined && previous !== undefined && record?.keys?.[f.path] === key) {
          // Its links were checked when it was written; only search may need its text again.
          if (url !== undefined) searchPages.push({ url, key: searchKeys.get(f.path)!, html: () => readFileSync(out.resolveInside(f.path), 'utf8') });
          reusedPages++;
          yield { path: f.path, reuse: previous, render: f.render };
          continue;
        }
        const content = f.render();
        if (typeof content === 'string' && f.path.endsWith('.html')) {
          // Read for links and, for a post, its search record, off this thread where it can.
          reader.add(f.path, content, { search: url !== undefined });
          // Its markup is not kept: if the record cannot be made, search reads the file back.
          if (url !== undefined) searchPages.push({ url, key: searchKeys.get(f.path)!, record: () => reader.record(f.path), html: () => readFileSync(out.resolveInside(f.path), 'utf8') });
        }
        yield { path: f.path, content };
      }
    };
    const written = out.write(files(), reusable);
    // Search reads pages back and the link check lists the folder: both need every file on disk.
    await out.flush();
    await reader.done();
    timer.lap('emit');
    if (opts.search) {
      const search = await buildSearchIndex({ outDir: out.staging, pages: searchPages, ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}) });
      for (const e of search.errors) diagnostics.push(diagnostic(display(path.join(opts.outDir, 'pagefind')), 1, 1, `search index: ${e}`, 'output/search'));
      if (search.errors.length > 0) {
        out.abort();
        return result(false, diagnostics, sources);
      }
      stats.search = { shards: search.shards, indexed: search.indexed };
      timer.lap('search');
    }
    const broken = reader.check(out.staging, config.base);
    timer.lap('check');
    for (const b of broken) diagnostics.push(diagnostic(display(path.join(opts.outDir, b.page)), 1, 1, `broken link ${b.url}: ${b.reason}`, 'output/broken-link'));
    if (broken.length > 0) {
      out.abort();
      return result(false, diagnostics, sources);
    }
    await out.commit();
    timer.lap('commit');
    Object.assign(stats, { posts: site.posts.length, pages: site.pages.length, tags: site.tags.length, categories: site.categories.length, files: fileCount, reusedPages, rekeyed });
    if (opts.cacheDir && fingerprint) {
      writeRecord(opts.cacheDir, opts.outDir, {
        fingerprint,
        files: Object.fromEntries(written),
        keys,
        shape,
        bodies,
        pageBodies,
        stamps: fileStamps(opts.outDir, [...written.keys()]),
        outStamp: outStamp(opts.outDir),
        diagnostics: diagnostics.filter((d) => d.severity === 'warning'),
        stats: { posts: stats.posts, pages: stats.pages, tags: stats.tags, categories: stats.categories, files: stats.files },
      });
    }
  } catch (error) {
    out.abort();
    throw error;
  } finally {
    bundle.dispose();
    await reader.close();
  }
  return result(true, diagnostics, sources);
}

/**
 * The pages whose key must be computed again: with the same site shape as the last build, those
 * that show the body of a document that changed; undefined (all of them) when the shape differs.
 */
function pagesToRekey(record: BuildRecord | undefined, shape: string, bodies: Record<string, string>): Set<string> | undefined {
  if (!record || record.shape !== shape || !record.bodies || !record.pageBodies) return undefined;
  const changed = new Set(Object.keys(bodies).filter((doc) => record.bodies![doc] !== bodies[doc]));
  const pages = new Set<string>();
  if (changed.size === 0) return pages;
  for (const [page, shown] of Object.entries(record.pageBodies)) if (shown.some((doc) => changed.has(doc))) pages.add(page);
  return pages;
}

function configFiles(root: string): string[] {
  return ['site.config.ts', 'site.config.mjs', 'site.config.js'].map((f) => path.join(root, f));
}

/** Everything besides files that changes what a build writes. */
function fingerprintOptions(opts: ResolvedOptions): unknown {
  // The config by value is in the key (plugins by identity), with Folio's code and the site's own modules.
  return { cacheKey: opts.cacheKey, contentDir: opts.contentDir, drafts: opts.drafts, strict: opts.strict, search: opts.search, node: process.version };
}

export function failing(diagnostics: Diagnostic[], strict: boolean): boolean {
  return diagnostics.some((d) => d.severity === 'error' || strict);
}
