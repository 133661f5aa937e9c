import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AssetManifest } from '../config/types.ts';
import { ConfigError, type SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';
import type { LoadResult } from '../content/load.ts';
import type { MarkdownLabels } from '../markdown/labels.ts';
import type { Rendered, RenderInput } from '../markdown/render.ts';
import type { LazyFile } from '../output/emit.ts';
import type { SiteTemplates } from '../plugins/site-templates.ts';
import type { Doc, Site } from '../site/model.ts';
import { contentType } from './content-type.ts';
import { contentFingerprint } from './fingerprint.ts';
import { lazyDocs } from './lazy-docs.ts';
import { listPublic } from '../content/public-files.ts';

/** The pipeline as loaded through Vite (see pipeline.ts). */
export type Pipeline = typeof import('./pipeline.ts');

export interface DevSiteOptions {
  contentDir: string;
  publicDir: string;
  /** Fixed for the life of the server: Vite serves the client files under it. */
  base: string;
  assets: AssetManifest;
  /** The dev server shows drafts, so that a post made with `folio new` can be previewed. */
  drafts: boolean;
  /** Where `folio build` keeps rendered posts; clean renders are shared with it. */
  cacheDir?: string;
  /** The pipeline module: a new instance after an edit to a template or to Folio's code. */
  pipeline: () => Promise<Pipeline>;
  /** Bumped when Folio's own code changes: every render is then stale. */
  codeVersion: () => number;
  /** The user's settings from site.config.ts: a new object after an edit (to it or a module it imports). */
  userConfig: () => Promise<Partial<SiteConfig>>;
  /** The site's own templates (templates/NAME.ts), loaded afresh after an edit there. */
  templates: () => Promise<SiteTemplates>;
  /** The config file as shown in messages, when the site has one. */
  configFile?: string;
  /** The site's cache key for a config (`siteKey`), the same the build uses. */
  cacheKey: (config: SiteConfig) => string;
  display: (abs: string) => string;
  /** Receives each new diagnostic once (until the content changes) and other messages. */
  report: (diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>) => void;
  log: (message: string) => void;
  /** Reloads the open pages: pages served earlier are found stale (see `LinkGraph`). */
  reload?: () => void;
}

export type DevResponse =
  | { kind: 'page'; status: number; body: string | Uint8Array; type: string }
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'error'; diagnostics: Diagnostic[]; sources: ReadonlyMap<string, string>; crash?: Error };

/** Everything known about the content at one moment: rebuilt when a file or the code changes. */
interface Snapshot {
  pipeline: Pipeline;
  codeVersion: number;
  user: Partial<SiteConfig>;
  config: SiteConfig;
  /** `siteKey` of this config: renders and the disk cache are keyed on it. */
  cacheKey: string;
  fingerprint: string;
  loaded: LoadResult;
  inputs: Map<string, RenderInput>;
  /** Hash of what every document's render depends on (all URLs, wikilink targets, base, labels). */
  siteKey: string;
  /** Text rendering writes into posts, in the site's language. */
  labels: MarkdownLabels;
  keys: Map<string, string>;
  site: Site;
  docs: Map<string, Doc>;
  /** Who may link to whom, for backlinks: made on the first post page (see `linkGraph`). */
  links?: LinkGraph;
}

/**
 * Who links to whom, known before the documents are rendered: a document rendered already gives
 * its real links, any other one the links its source shows (`scanLinkTargets`, a superset of
 * what rendering finds in the text). A post page renders only the documents that may link to it.
 * Links a site's remark plugin adds are seen once the linking document is rendered: the
 * background rendering adds them, and reloads the pages served without them.
 */
interface LinkGraph {
  /** Document → the documents it may link to, and whether that was read from its source. */
  out: Map<string, { targets: Set<string>; scanned: boolean }>;
  /** Document → the documents that may link to it. */
  in: Map<string, Set<string>>;
  /** Documents whose backlinks a page was served with. */
  asked: Set<string>;
  /** Of those, the ones whose backlinks turned out to be missing a link. */
  stale: Set<string>;
}

interface RequestTrace {
  /** Documents whose content the page shows: their errors replace the page. */
  shown: Set<string>;
  /** Documents the page read data from (links for backlinks): their errors are logged. */
  used: Set<string>;
}

/**
 * The site as the dev server sees it: frontmatter of every document is loaded (cheap), and a
 * document is rendered only when a requested page shows it, then kept until it changes.
 * Pages come from the build's own `siteFiles`, so dev and build cannot disagree.
 */
export class DevSite {
  private current?: Snapshot;
  /** `request` is set on renders with errors: they are reused within that request only. */
  private renders = new Map<string, { key: string; version: number; rendered: Rendered; request?: number }>();
  private requests = 0;
  private renderer?: { from: Pipeline; cacheKey: string; processor: ReturnType<Pipeline['createProcessor']>; disk?: InstanceType<Pipeline['RenderCache']> };
  private request?: RequestTrace;
  private reported = new Set<string>();
  private warming?: Snapshot;
  private baseWarned = false;
  /** The search index of a snapshot, built on the first request for /pagefind/ (see `searchFile`). */
  private search?: { snap: Snapshot; dir: Promise<string> };
  private searchRoot?: string;
  private searchBuilds = 0;

  constructor(private readonly options: DevSiteOptions) {}

  /** The response for a site path (`/posts/mae/`, base already removed). Never throws. */
  async respond(sitePath: string): Promise<DevResponse> {
    let snap: Snapshot;
    let templates: SiteTemplates;
    try {
      snap = await this.snapshot();
      templates = await this.options.templates();
    } catch (error) {
      // A config edit that breaks it is the author's mistake, shown at its key like any other.
      if (error instanceof ConfigError) return this.configError(error);
      return { kind: 'error', diagnostics: [], sources: new Map(), crash: asError(error) };
    }
    const { sources } = snap.loaded;
    this.report(snap.loaded.diagnostics, sources);
    const loadErrors = snap.loaded.diagnostics.filter((d) => d.severity === 'error');
    if (loadErrors.length > 0) return { kind: 'error', diagnostics: loadErrors, sources };

    if (sitePath.startsWith('/pagefind/')) return this.searchFile(snap, templates, sitePath);

    const trace: RequestTrace = { shown: new Set(), used: new Set() };
    this.request = trace;
    this.requests++;
    let response: DevResponse;
    try {
      response = this.route(snap, templates, sitePath);
    } catch (error) {
      // A site template that throws is named with its file, as a config mistake is.
      if (error instanceof ConfigError) return this.configError(error);
      return { kind: 'error', diagnostics: [], sources, crash: asError(error) };
    } finally {
      this.request = undefined;
    }
    const shown = [...trace.shown].flatMap((rel) => this.peek(snap, rel)?.diagnostics ?? []);
    const fragments = this.fragmentProblems(snap, trace.shown);
    const used = [...trace.used].flatMap((rel) => this.peek(snap, rel)?.diagnostics ?? []);
    this.report([...shown, ...fragments, ...used], sources);
    const errors = [...shown, ...fragments].filter((d) => d.severity === 'error');
    this.scheduleWarmUp(snap);
    return errors.length > 0 ? { kind: 'error', diagnostics: errors, sources } : response;
  }

  private configError(error: ConfigError): DevResponse {
    const diagnostics = error.problems.map((p) => diagnostic(p.file, p.line ?? 1, 1, p.message, 'config/invalid'));
    this.report(diagnostics, new Map());
    return { kind: 'error', diagnostics, sources: new Map() };
  }

  /** Every file of the site, as the build lists them (src/output/emit.ts). */
  private files(snap: Snapshot, templates: SiteTemplates): LazyFile[] {
    const p = snap.pipeline;
    const ctx = p.createContext(snap.config, this.options.assets, templates.own);
    return p.siteFiles(snap.site, ctx, { publicFiles: listPublic(this.options.publicDir).files, cacheKey: snap.cacheKey, templatesKey: templates.key, ...(this.options.configFile ? { configFile: this.options.configFile } : {}) });
  }

  /** Finds the requested file in the site's file list and renders only that one. */
  private route(snap: Snapshot, templates: SiteTemplates, sitePath: string): DevResponse {
    const p = snap.pipeline;
    const table = () => new Map<string, LazyFile>(this.files(snap, templates).map((f) => [f.path, f]));
    let files = table();
    const wanted = p.outputFile(sitePath);
    let file = files.get(wanted);
    if (!file && !sitePath.endsWith('/') && files.has(p.outputFile(`${sitePath}/`))) {
      return { kind: 'redirect', location: `${this.options.base}${sitePath.slice(1)}/` };
    }
    if (!file) {
      // A file beside a document is listed once that document has been rendered.
      const owner = [...snap.docs.values()].find((d) => sitePath.startsWith(d.path) && sitePath !== d.path);
      if (owner && !this.peek(snap, owner.rel)) {
        this.render(snap, owner.rel, 'data');
        files = table();
        file = files.get(wanted);
      }
    }
    if (!file) {
      const notFound = files.get('404.html');
      const body = notFound && 'render' in notFound ? notFound.render() : 'Not found';
      return { kind: 'page', status: 404, body, type: 'text/html; charset=utf-8' };
    }
    if ('copyFrom' in file) return { kind: 'file', file: file.copyFrom };
    return { kind: 'page', status: 200, body: file.render(), type: contentType(file.path) };
  }

  /**
   * A file of the Pagefind bundle, as `folio build` makes it: the post pages are rendered through
   * the same routes and indexed by the build's search stage into a folder of our own. The index
   * is built on the first search after a change (a few seconds on this site) and kept until the
   * content, the config or the code changes again; the bundle before it is served meanwhile.
   */
  private async searchFile(snap: Snapshot, templates: SiteTemplates, sitePath: string): Promise<DevResponse> {
    if (this.search?.snap !== snap) {
      const previous = this.search?.dir;
      const dir = this.buildSearch(snap, templates);
      this.search = { snap, dir };
      // Drop the previous bundle once the new one is there.
      void dir.then(
        () => previous?.then((old) => rmSync(old, { recursive: true, force: true }), () => undefined),
        () => undefined,
      );
    }
    let dir: string;
    try {
      dir = await this.search.dir;
    } catch (error) {
      this.search = undefined;
      return { kind: 'error', diagnostics: [], sources: new Map(), crash: asError(error) };
    }
    const file = path.join(dir, 'pagefind', ...sitePath.slice('/pagefind/'.length).split('/'));
    if (!file.startsWith(path.join(dir, 'pagefind') + path.sep) || !existsSync(file)) return { kind: 'page', status: 404, body: 'Not found', type: 'text/plain; charset=utf-8' };
    return { kind: 'file', file };
  }

  private async buildSearch(snap: Snapshot, templates: SiteTemplates): Promise<string> {
    const started = performance.now();
    const { buildSearchIndex } = await import('../output/search.ts');
    const p = snap.pipeline;
    const files = new Map(this.files(snap, templates).map((f) => [f.path, f]));
    const pages = snap.site.posts.flatMap((post) => {
      const file = files.get(p.outputFile(post.path));
      return file && 'render' in file ? [{ url: post.path, html: String(file.render()) }] : [];
    });
    if (!this.searchRoot) {
      // Beside the build's cache when there is one (a folder Folio owns), else a temporary folder.
      const cache = this.options.cacheDir ? path.join(this.options.cacheDir, 'dev-search') : undefined;
      if (cache) rmSync(cache, { recursive: true, force: true });
      this.searchRoot = cache ? (mkdirSync(cache, { recursive: true }), cache) : mkdtempSync(path.join(tmpdir(), 'folio-dev-search-'));
    }
    const outDir = path.join(this.searchRoot, String(++this.searchBuilds));
    const result = await buildSearchIndex({ pages, outDir });
    if (result.errors.length > 0) throw new Error(`search index: ${result.errors.join('; ')}`);
    this.options.log(`search index: ${result.pages} posts in ${Math.round(performance.now() - started)} ms`);
    return outDir;
  }

  /** Removes the search indexes this server made. */
  dispose(): void {
    if (this.searchRoot) rmSync(this.searchRoot, { recursive: true, force: true });
    this.searchRoot = undefined;
    this.search = undefined;
  }

  /** Broken `#fragment` links in the documents shown (their targets are rendered to know). */
  private fragmentProblems(snap: Snapshot, rels: Set<string>): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const rel of rels) {
      const doc = snap.docs.get(rel);
      if (!doc) continue;
      const targets = doc.links.flatMap((l) => (l.fragment !== undefined && snap.docs.has(l.target) ? [snap.docs.get(l.target)!] : []));
      out.push(...snap.pipeline.checkFragments([doc, ...targets]).filter((d) => d.file === doc.file));
    }
    return out;
  }

  /** The current snapshot, rebuilt when the content, the config or the code has changed. */
  private async snapshot(): Promise<Snapshot> {
    const { options } = this;
    const p = await options.pipeline();
    const user = await options.userConfig();
    const fingerprint = contentFingerprint(options.contentDir);
    const prev = this.current;
    if (prev && prev.pipeline === p && prev.user === user && prev.fingerprint === fingerprint && prev.codeVersion === options.codeVersion()) return prev;

    const config = p.resolveConfig(user, { base: options.base });
    if (user.base !== undefined && p.resolveConfig(user).base !== options.base && !this.baseWarned) {
      this.baseWarned = true;
      options.log(`site.config.ts now sets base ${p.resolveConfig(user).base}; restart the dev server to serve under it`);
    }
    const reload = !prev || prev.fingerprint !== fingerprint || prev.codeVersion !== options.codeVersion() || prev.config.timeZone !== config.timeZone;
    const loaded = reload ? p.loadContent({ contentDir: options.contentDir, timeZone: config.timeZone, drafts: options.drafts, display: options.display }) : prev.loaded;
    if (reload) this.reported.clear();

    const labels = p.markdownLabels(p.resolveStrings(config.language, config.strings));
    const docPaths = Object.fromEntries(loaded.docs.map((d) => [d.rel, d.path]));
    const wikiIndex = p.buildWikiIndex(loaded.docs.map((d) => ({ rel: d.rel, slug: d.slug, title: d.fm.title })));
    const inputs = new Map<string, RenderInput>(
      loaded.docs.map((doc) => [
        doc.rel,
        { rel: doc.rel, displayPath: doc.file, body: doc.body, sitePath: doc.path, docPaths, wikiIndex, contentDir: options.contentDir, base: config.base },
      ]),
    );
    // Walks the site's own files: only again when the config, Folio's code or the pipeline changed.
    const cacheKey = prev && prev.user === user && prev.pipeline === p && prev.codeVersion === options.codeVersion() && prev.config.base === config.base ? prev.cacheKey : options.cacheKey(config);
    const snap: Snapshot = {
      pipeline: p,
      codeVersion: options.codeVersion(),
      user,
      config,
      cacheKey,
      fingerprint,
      loaded,
      inputs,
      siteKey: hash(JSON.stringify([cacheKey, docPaths, wikiIndex, config.base, options.contentDir, labels])),
      labels,
      keys: new Map(),
      site: undefined as unknown as Site,
      docs: new Map(),
    };
    const docs = lazyDocs(p.toDocs, loaded.docs, {
      render: (rel, reason) => this.render(snap, rel, reason),
      peek: (rel) => this.peek(snap, rel),
    });
    snap.site = p.collectSite(config, docs);
    snap.docs = new Map(docs.map((d) => [d.rel, d]));
    // Backlinks of a post come from the few documents that may link to it, not from all.
    p.narrowBacklinks(snap.site, (rel) => {
      const graph = this.linkGraph(snap);
      graph.asked.add(rel);
      return [...(graph.in.get(rel) ?? [])].flatMap((from) => snap.docs.get(from) ?? []);
    });
    this.current = snap;
    return snap;
  }

  private linkGraph(snap: Snapshot): LinkGraph {
    if (snap.links) return snap.links;
    const graph: LinkGraph = { out: new Map(), in: new Map(), asked: new Set(), stale: new Set() };
    for (const [rel, input] of snap.inputs) {
      const rendered = this.renders.has(rel) ? this.peek(snap, rel) : undefined;
      const targets = rendered ? new Set(rendered.links.map((l) => l.target)) : snap.pipeline.scanLinkTargets(input);
      graph.out.set(rel, { targets, scanned: !rendered });
      for (const target of targets) addLink(graph, rel, target);
    }
    return (snap.links = graph);
  }

  /** A rendered document's links that its scan did not show are added; pages served without them are stale. */
  private checkLinks(snap: Snapshot, rel: string, rendered: Rendered): void {
    const graph = this.linkGraph(snap);
    const out = graph.out.get(rel);
    if (!out?.scanned) return;
    for (const { target } of rendered.links) {
      if (out.targets.has(target)) continue;
      out.targets.add(target);
      addLink(graph, rel, target);
      if (target !== rel && graph.asked.has(target)) graph.stale.add(target);
    }
  }

  private key(snap: Snapshot, rel: string): string {
    let key = snap.keys.get(rel);
    if (key === undefined) {
      const input = snap.inputs.get(rel)!;
      snap.keys.set(rel, (key = `${snap.siteKey}:${hash(JSON.stringify([input.rel, input.displayPath, input.sitePath, input.body]))}`));
    }
    return key;
  }

  private peek(snap: Snapshot, rel: string): Rendered | undefined {
    const hit = this.renders.get(rel);
    if (hit === undefined || (hit.request !== undefined && hit.request !== this.requests)) return undefined;
    return hit.version === this.options.codeVersion() && hit.key === this.key(snap, rel) ? hit.rendered : undefined;
  }

  /** One document, rendered by the build's processor (formula errors are warnings here). */
  private render(snap: Snapshot, rel: string, reason: 'content' | 'data'): Rendered {
    if (this.request) (reason === 'content' ? this.request.shown : this.request.used).add(rel);
    const hit = this.peek(snap, rel);
    if (hit) return hit;
    const renderer = this.rendererFor(snap);
    const input = snap.inputs.get(rel)!;
    const key = this.key(snap, rel);
    let rendered = renderer.disk?.get(input);
    if (!rendered) {
      rendered = snap.pipeline.renderDocument(renderer.processor, input);
      // A clean render is what the build would make too, so the next build can reuse it.
      if (rendered.diagnostics.length === 0) renderer.disk?.set(input, rendered);
    }
    // Documents with errors are rendered again on the next request, so a fix to a file they
    // depend on (a missing image) shows without touching the document itself.
    const failed = rendered.diagnostics.some((d) => d.severity === 'error');
    this.renders.set(rel, { key, version: this.options.codeVersion(), rendered, ...(failed ? { request: this.requests } : {}) });
    return rendered;
  }

  /** The processor for a snapshot's code and config (its site plugins), made again when either changes. */
  private rendererFor(snap: Snapshot) {
    const p = snap.pipeline;
    if (this.renderer?.from !== p || this.renderer.cacheKey !== snap.cacheKey) {
      this.renderer = {
        from: p,
        cacheKey: snap.cacheKey,
        processor: p.createProcessor({ math: { failOn: 'warning', cache: new Map() }, plugins: p.sitePlugins(snap.config), labels: snap.labels }),
        ...(this.options.cacheDir ? { disk: new p.RenderCache(this.options.cacheDir, snap.cacheKey) } : {}),
      };
    }
    return this.renderer;
  }

  private report(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>): void {
    const fresh = diagnostics.filter((d) => {
      const key = `${d.file}:${d.line}:${d.column}:${d.severity}:${d.message}`;
      if (this.reported.has(key)) return false;
      this.reported.add(key);
      return true;
    });
    if (fresh.length > 0) this.options.report(fresh, sources);
  }

  /**
   * After a page is served, the other documents are rendered in the background, one per tick,
   * so that pages needing all of them (search, a site plugin's page listing every post) are
   * quick when asked for. Each one's links are checked against the link graph; when all are
   * done, the pages whose backlinks lacked a link only rendering showed are reloaded.
   */
  private scheduleWarmUp(snap: Snapshot): void {
    if (this.warming === snap) return;
    this.warming = snap;
    const pending = [...snap.inputs.keys()];
    const started = performance.now();
    let rendered = 0;
    const step = () => {
      if (this.current !== snap || this.warming !== snap) return;
      const rel = pending.shift();
      if (rel === undefined) return this.warmedUp(snap, rendered, started);
      let done = this.peek(snap, rel);
      if (!done) {
        done = this.render(snap, rel, 'data');
        rendered++;
        this.report(done.diagnostics, snap.loaded.sources);
      }
      if (snap.links) this.checkLinks(snap, rel, done);
      setImmediate(step);
    };
    setTimeout(step, 50);
  }

  private warmedUp(snap: Snapshot, rendered: number, started: number): void {
    if (rendered > 0) this.options.log(`${rendered} ${rendered === 1 ? 'document' : 'documents'} rendered in the background (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const stale = snap.links?.stale;
    if (!stale || stale.size === 0) return;
    const pages = [...stale].map((rel) => snap.docs.get(rel)?.path ?? rel);
    stale.clear();
    this.options.log(`backlinks of ${pages.join(', ')} include links made while rendering (not written in the source): reloading`);
    this.options.reload?.();
  }
}

function addLink(graph: LinkGraph, from: string, to: string): void {
  if (from === to) return;
  let linking = graph.in.get(to);
  if (!linking) graph.in.set(to, (linking = new Set()));
  linking.add(from);
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
