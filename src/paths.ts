import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The name Folio is published under on npm (`npm i folio-ssg`); its command is `folio`. */
export const PACKAGE_NAME = 'folio-ssg';

/**
 * Folio's own directory (where package.json, templates/ and node_modules/ are), found by walking
 * up from this module: the same answer whether we run from src/ through tsx or from the
 * compiled lib/ bundle.
 */
export const PACKAGE_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find Folio’s package.json');
    dir = parent;
  }
})();

/** True when running the compiled bundle in lib/ rather than the TypeScript sources. */
export const BUNDLED = !import.meta.url.endsWith('.ts');

/** Folio's worker thread entries: compiled into lib/NAME.js, else run from src/ (see ts-worker.mjs). */
const WORKERS = { 'render-worker': 'markdown/render-worker.mjs', 'page-worker': 'output/page-worker.mjs' } as const;

/** The module URL a worker thread of this name starts from. */
export function workerFile(name: keyof typeof WORKERS): string {
  return pathToFileURL(path.join(PACKAGE_ROOT, BUNDLED ? `lib/${name}.js` : `src/${WORKERS[name]}`)).href;
}

/**
 * The installed version of one of Folio's dependencies, found as Node finds it: in
 * node_modules/ beside Folio, or in a folder above (where npm hoists it when Folio is itself a
 * dependency). Undefined when it is not installed.
 */
export function dependencyVersion(name: string): string | undefined {
  const dir = dependencyDir(name);
  return dir === undefined ? undefined : (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The folder of one of Folio's installed dependencies (see `dependencyVersion`), or undefined. */
export function dependencyDir(name: string): string | undefined {
  for (let dir = PACKAGE_ROOT; ; dir = path.dirname(dir)) {
    const found = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(found, 'package.json'))) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
}
