import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from 'vite';
import { stampFile, stampTree } from '../cache/stamp.ts';
import { PACKAGE_ROOT } from '../paths.ts';
import type { AssetManifest } from '../config/types.ts';
import { href } from '../site/urls.ts';

export const CLIENT_DIR = path.join(PACKAGE_ROOT, 'templates/client');

const ENTRIES = {
  main: 'main.ts',
  style: 'style.css',
  math: 'math.css',
} as const;

/**
 * Bundles `templates/client/` with Vite into `<outDir>/assets/` with content-hashed names
 * (cacheable forever) and returns their hrefs. KaTeX's fonts come along through math.css.
 */
export async function buildClientAssets(outDir: string, base: string): Promise<AssetManifest> {
  const assetsDir = path.join(outDir, 'assets');
  // Vite is large; load it only when the assets really have to be bundled.
  const { build } = await import('vite');
  await bundle(build, assetsDir, base);
  return manifestOf(assetsDir, base);
}

async function bundle(build: typeof import('vite').build, outDir: string, base: string): Promise<void> {
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
      rollupOptions: { input: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(CLIENT_DIR, v)])) },
    },
  });
}

function manifestOf(assetsDir: string, base: string): AssetManifest {
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
  return { main: at(fileOf(ENTRIES.main)), style: at(cssOf(ENTRIES.style)), math: at(cssOf(ENTRIES.math)), theme: at(theme), favicon: at(favicon) };
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
export async function prepareClientAssets(base: string, cacheDir: string | undefined): Promise<ClientBundle> {
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
    return bundle(dir, await buildClientAssets(dir, base), true);
  }
  const dir = path.join(cacheDir, 'assets', clientKey(base));
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
  const manifest = await buildClientAssets(tmp, base);
  writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(manifest));
  renameSync(tmp, dir);
  return bundle(dir, manifest, false);
}

function clientKey(base: string): string {
  const hash = createHash('sha256').update(base);
  stampTree(hash, CLIENT_DIR);
  // This module holds the bundler settings: a change to them changes the output too.
  stampFile(hash, fileURLToPath(import.meta.url));
  const lock = path.join(PACKAGE_ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}
