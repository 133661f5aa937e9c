import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { AssetManifest } from '../config/types.ts';
import { display, resolveOptions } from '../build.ts';
import { siteKey } from '../cache/code-key.ts';
import { configFromModule, type SiteConfig } from '../config.ts';
import { formatDiagnostic } from '../content/diagnostic.ts';
import { CLIENT_DIR, writeStyleEntry, type SiteLook } from '../output/client-assets.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import { loadSiteTemplates, siteTemplatesDir } from '../plugins/site-templates.ts';
import { DevSite, type Pipeline } from './dev-site.ts';
import * as builtInPipeline from './pipeline.ts';
import { folioDevPlugin } from './plugin.ts';

export interface DevServerOptions {
  port?: number;
  /** Fail instead of trying the next port when `port` is taken (Vite's `--strictPort`). */
  strictPort?: boolean;
  host?: string;
  /** Project directory holding site.config.ts, content/, public/. Defaults to the working directory. */
  root?: string;
  /** The site config file (default: site.config.ts, .mjs or .js in root). */
  configFile?: string;
  contentDir?: string;
  /** Print nothing but errors (tests). */
  quiet?: boolean;
}

export interface DevServer {
  url: string;
  vite: ViteDevServer;
  close: () => Promise<void>;
}

const PIPELINE = path.join(PACKAGE_ROOT, 'src/dev/pipeline.ts');
/** An installed package ships lib/ only: its code does not change, so Vite never loads a copy. */
const HAS_SOURCES = existsSync(PIPELINE);
const NO_CONFIG: Partial<SiteConfig> = {};

/** In dev, Vite serves templates/client/ from source: these are its URLs under the base. */
export function devAssets(base: string, style?: string): AssetManifest {
  // The site's stylesheet entry (theme tokens, its css files) is a file of its own, served by Vite from where it is.
  return { main: `${base}main.ts`, style: style ? `${base}@fs${style.split(path.sep).join('/')}` : `${base}style.css`, math: `${base}math.css`, theme: `${base}theme-init.js`, favicon: `${base}favicon.svg` };
}

/**
 * `folio dev`: a Vite dev server that renders each page on request through the build's own
 * stages (src/dev/pipeline.ts), serves the client code and CSS through Vite, and reloads the
 * open page when content, templates, styles, site.config.ts or Folio's code change.
 */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const started = performance.now();
  const opts = await resolveOptions({
    ...(options.root ? { root: options.root } : {}),
    ...(options.configFile ? { configFile: options.configFile } : {}),
    ...(options.contentDir ? { contentDir: options.contentDir } : {}),
  });
  const base = opts.config.base;
  const { configFile } = opts;
  const color = Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
  let vite: ViteDevServer | undefined;
  const load = async <T>(file: string): Promise<T> => (await vite!.ssrLoadModule(file, { fixStacktrace: true })) as T;

  // The first pages are rendered by the pipeline already loaded with the CLI, which answers at
  // once; Vite's copy (which follows edits to templates and Folio's code) is loaded after the
  // first page, or at the first such edit, and used from then on.
  let useVite = false;
  let codeVersion = 0;
  const srcDir = path.join(PACKAGE_ROOT, 'src') + path.sep;
  const templatesDir = path.join(PACKAGE_ROOT, 'templates') + path.sep;
  const onChange = (file: string) => {
    if (file.startsWith(srcDir)) codeVersion++;
    if (file.startsWith(srcDir) || file.startsWith(templatesDir)) useVite = true;
  };
  let preloading = false;
  const onServed = () => {
    if (preloading || !HAS_SOURCES) return;
    preloading = true;
    load<Pipeline>(PIPELINE).then(
      () => (useVite = true),
      () => undefined,
    );
  };

  // The site's look, as the build bundles it: written again when the config changes, and Vite
  // updates the page's CSS when it or one of the site's css files does.
  const lookOf = (config: Partial<SiteConfig>): SiteLook => ({ ...(config.theme ? { theme: config.theme } : {}), css: (config.css ?? []).map((f) => path.resolve(opts.root, f)) });
  const styleDir = opts.cacheDir ? path.join(opts.cacheDir, 'dev-style') : mkdtempSync(path.join(tmpdir(), 'folio-dev-style-'));
  const style = writeStyleEntry(styleDir, lookOf(opts.config));
  const site = new DevSite({
    contentDir: opts.contentDir,
    publicDir: opts.publicDir,
    base,
    assets: devAssets(base, style),
    drafts: true,
    ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}),
    pipeline: async () => (useVite ? load<Pipeline>(PIPELINE) : builtInPipeline),
    codeVersion: () => codeVersion,
    // The same object until the file changes: the site is rebuilt only when it does.
    // An edit that breaks the config is shown like any other error, naming the key.
    userConfig: async () => {
      const user = configFile ? configFromModule(await load<{ default?: unknown }>(configFile), configFile, display, opts.root) : NO_CONFIG;
      writeStyleEntry(styleDir, lookOf(user));
      return user;
    },
    // Through Vite too: an edit to a template (or to a helper it imports) is seen at once.
    templates: () => loadSiteTemplates(opts.root, { display, load }),
    ...(configFile ? { configFile: display(configFile) } : {}),
    // The build's key, so that a clean render here is a cache hit for the next build and back.
    cacheKey: (config) => siteKey({ root: opts.root, config, exclude: [opts.contentDir, opts.publicDir, path.join(opts.root, 'dist'), path.join(opts.root, '.cache')] }),
    display,
    report: (diagnostics, sources) => {
      for (const d of diagnostics) {
        if (options.quiet && d.severity !== 'error') continue;
        const frame = d.severity === 'error' ? sources.get(d.file) : undefined;
        process.stderr.write(`${formatDiagnostic(d, frame, color)}\n${frame !== undefined ? '\n' : ''}`);
      }
    },
    log: (message) => process.stderr.write(`folio dev: ${message}\n`),
    reload: () => vite?.ws.send({ type: 'full-reload', path: '*' }),
  });

  vite = await createServer({
    configFile: false,
    root: CLIENT_DIR,
    base,
    appType: 'custom',
    publicDir: false,
    clearScreen: false,
    logLevel: options.quiet ? 'error' : 'info',
    // The client code has one dependency (KaTeX's copy-tex, plain ESM): nothing to pre-bundle,
    // and no "new dependencies found, reloading" on the first visit to a page with math.
    optimizeDeps: { noDiscovery: true, include: [] },
    server: {
      port: options.port ?? 5173,
      strictPort: options.strictPort ?? false,
      host: options.host ?? '127.0.0.1',
      fs: { allow: [PACKAGE_ROOT, opts.root] },
    },
    plugins: [
      folioDevPlugin({
        site,
        clientDir: CLIENT_DIR,
        watch: [opts.contentDir, opts.publicDir, siteTemplatesDir(opts.root), path.join(PACKAGE_ROOT, 'templates'), path.join(PACKAGE_ROOT, 'src'), ...(configFile ? [configFile] : [])],
        onChange,
        onServed,
      }),
    ],
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 5173);
  const url = `http://${options.host ?? '127.0.0.1'}:${port}${base}`;
  if (!options.quiet) process.stdout.write(`folio dev: ${url} (ready in ${Math.round(performance.now() - started)} ms; pages render when requested)\n`);
  return {
    url,
    vite,
    close: async () => {
      await vite!.close();
      site.dispose();
    },
  };
}
