import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from 'vite';
import { stampFile, stampTree } from '../cache/stamp.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { AssetManifest, ThemeOptions } from '../config/types.ts';
import { href } from '../site/urls.ts';
import { themeCss } from './site-css.ts';

export const CLIENT_DIR = path.join(PACKAGE_ROOT, 'templates/client');

const ENTRIES = {
  main: 'main.ts',
  style: 'style.css',
  math: 'math.css',
} as const;

/** The site's own look: `theme` tokens and its `css` files (absolute paths), bundled into the site CSS. */
export interface SiteLook {
  theme?: ThemeOptions;
  css?: string[];
}

/**
 * Bundles `templates/client/` with Vite into `<outDir>/assets/` with content-hashed names
 * (cacheable forever) and returns their hrefs. KaTeX's fonts come along through math.css.
 */
export async function buildClientAssets(outDir: string, base: string, look: SiteLook = {}): Promise<AssetManifest> {
  const assetsDir = path.join(outDir, 'assets');
  const style = siteStyle(path.join(outDir, 'style'), look);
  // Vite is large; load it only when the assets really have to be bundled.
  const { build } = await import('vite');
  try {
    await bundle(build, assetsDir, base, style);
  } finally {
    if (style !== path.join(CLIENT_DIR, ENTRIES.style)) rmSync(path.dirname(style), { recursive: true, force: true });
  }
  return manifestOf(assetsDir, base, style);
}

/**
 * The site stylesheet's entry: style.css alone, or (for a site with a `theme` or `css`) a file
 * importing it, then the theme's tokens, then the site's own files, so that each may override
 * what comes before. Vite inlines the imports: one hashed stylesheet either way.
 */
function siteStyle(dir: string, look: SiteLook): string {
  if (themeCss(look.theme) === '' && (look.css ?? []).length === 0) return path.join(CLIENT_DIR, ENTRIES.style);
  return writeStyleEntry(dir, look);
}

/** Writes the stylesheet entry for `look` into `dir` (also for `folio dev`, which serves it through Vite); returns its path. */
export function writeStyleEntry(dir: string, look: SiteLook): string {
  mkdirSync(dir, { recursive: true });
  const tokens = themeCss(look.theme);
  writeChanged(path.join(dir, 'theme.css'), tokens);
  const imports = [path.join(CLIENT_DIR, ENTRIES.style), ...(tokens ? [path.join(dir, 'theme.css')] : []), ...(look.css ?? [])];
  const entry = path.join(dir, 'style.css');
  writeChanged(entry, imports.map((f) => `@import ${JSON.stringify(f.split(path.sep).join('/'))};\n`).join(''));
  return entry;
}

/** Unchanged text is not written again: the dev server would reload the page for nothing. */
function writeChanged(file: string, text: string): void {
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
}

async function bundle(build: typeof import('vite').build, outDir: string, base: string, style: string): Promise<void> {
  await build({
    configFile: false,
    root: CLIENT_DIR,
    base: `${base}assets/`,
    logLevel: 'error',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      assetsDir: '.',
      manifest: '.vite-manifest.json',
      modulePreload: false,
      // Every font and image is a file: nothing as a data: URL, so a strict CSP (font-src 'self') holds.
      assetsInlineLimit: 0,
      target: 'es2020',
      rollupOptions: { input: { ...Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(CLIENT_DIR, v)])), style } },
    },
  });
}

function manifestOf(assetsDir: string, base: string, style: string): AssetManifest {
  const manifestFile = path.join(assetsDir, '.vite-manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  rmSync(manifestFile);
  const fileOf = (entry: string): string => {
    const chunk = manifest[entry];
    if (!chunk) throw new Error(`Vite produced no output for ${entry}`);
    return chunk.file;
  };
  const cssOf = (entry: string): string => {
    const chunk = manifest[entry];
    return chunk?.file.endsWith('.css') ? chunk.file : (chunk?.css?.[0] ?? fileOf(entry));
  };
  // The theme bootstrap must run before first paint as a classic script, so it is copied as is.
  const theme = copyHashed(assetsDir, 'theme-init.js');
  const favicon = copyHashed(assetsDir, 'favicon.svg');
  const at = (file: string) => href(base, `/assets/${file}`);
  return { main: at(fileOf(ENTRIES.main)), style: at(cssOf(path.relative(CLIENT_DIR, style).split(path.sep).join('/'))), math: at(cssOf(ENTRIES.math)), theme: at(theme), favicon: at(favicon) };
}

function copyHashed(assetsDir: string, name: string): string {
  const source = readFileSync(path.join(CLIENT_DIR, name));
  const ext = path.extname(name);
  const hashed = `${path.basename(name, ext)}-${createHash('sha256').update(source).digest('hex').slice(0, 8)}${ext}`;
  mkdirSync(assetsDir, { recursive: true });
  writeFileSync(path.join(assetsDir, hashed), source);
  return hashed;
}

/** A bundle of the client assets, ready to be copied into an output directory. */
export interface ClientBundle {
  manifest: AssetManifest;
  /** Holds `assets/`. */
  dir: string;
  /** Copies the bundle's `assets/` into an output directory. */
  copyTo: (outDir: string) => void;
  /** Removes what is not kept in the cache. */
  dispose: () => void;
}

/**
 * `buildClientAssets`, into a directory of its own (never the output: the bundler runs threads
 * and signal handlers of its own, so it must be done before a build's staging exists) and with a
 * cache: the bundle depends only on templates/client/, the base and the installed packages, so
 * an unchanged bundle comes from `.cache/folio/assets/` instead of being built again.
 */
export async function prepareClientAssets(base: string, cacheDir: string | undefined, look: SiteLook = {}): Promise<ClientBundle> {
  const bundle = (dir: string, manifest: AssetManifest, temporary: boolean): ClientBundle => ({
    manifest,
    dir,
    copyTo: (outDir) => cpSync(path.join(dir, 'assets'), path.join(outDir, 'assets'), { recursive: true }),
    dispose: () => {
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
  });
  if (!cacheDir) {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-assets-'));
    return bundle(dir, await buildClientAssets(dir, base, look), true);
  }
  const dir = path.join(cacheDir, 'assets', clientKey(base, look));
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    try {
      return bundle(dir, JSON.parse(readFileSync(manifestFile, 'utf8')) as AssetManifest, false);
    } catch {
      // A damaged cache entry is rebuilt below.
    }
  }
  rmSync(path.join(cacheDir, 'assets'), { recursive: true, force: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  const manifest = await buildClientAssets(tmp, base, look);
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
  renameSync(tmp, dir);
  return bundle(dir, manifest, false);
}

function clientKey(base: string, look: SiteLook): string {
  const hash = createHash('sha256').update(base).update(JSON.stringify(look.theme ?? null));
  // The site's own CSS, by path and content (an @import inside one is not followed).
  for (const file of look.css ?? []) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  stampTree(hash, CLIENT_DIR);
  // This module holds the bundler settings: a change to them changes the output too.
  stampFile(hash, fileURLToPath(import.meta.url));
  const lock = path.join(PACKAGE_ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}
