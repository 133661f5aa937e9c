import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { walkFiles } from '../content/walk.ts';
import { dependencyVersion, PACKAGE_ROOT } from '../paths.ts';

/**
 * One digest of the generator itself, shared by every cache (render, parse, page keys): the
 * bytes of Folio's own code (src/, templates/ and the compiled lib/, whichever are installed) and
 * the installed version of each runtime dependency. Any change to the code that renders, a
 * template, or an upgraded library gives a new key, with no hand-kept version to forget. By
 * content, not modification time, so a cache restored on a fresh clone (CI) still hits.
 */
export const CODE_KEY = (() => {
  const hash = createHash('sha256');
  for (const dir of ['src', 'templates', 'lib']) {
    for (const f of walkFiles(path.join(PACKAGE_ROOT, dir), { display: (p) => p, name: dir }).files) hash.update(`${dir}/${f.rel}\0`).update(readFileSync(f.real)).update('\0');
  }
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string; dependencies?: Record<string, string> };
  hash.update(`folio@${pkg.version ?? ''}\n`);
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) hash.update(`${name}@${dependencyVersion(name) ?? 'missing'}\n`);
  return hash.digest('hex');
})();
