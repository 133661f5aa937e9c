import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Folio's own directory (where package.json, templates/ and node_modules/ are), found by walking
 * up from this module: the same answer whether we run from src/ through tsx or from the
 * compiled lib/ bundle.
 */
export const PACKAGE_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'folio') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find Folio’s package.json');
    dir = parent;
  }
})();

/** True when running the compiled bundle in lib/ rather than the TypeScript sources. */
export const BUNDLED = !import.meta.url.endsWith('.ts');
