import type { Hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { walkFiles } from '../content/walk.ts';

/**
 * Feeds a hash with the path, size and modification time of every file under `dir`, in a
 * fixed order: a cheap identity for a folder's contents (a missing folder adds nothing).
 */
export function stampTree(hash: Hash, dir: string): void {
  for (const f of walkFiles(dir, { display: (p) => p, name: 'stamped', keepDotted: () => true }).files) stampFile(hash, f.abs);
}
/** The same for one file; a missing file is stamped as missing. */
export function stampFile(hash: Hash, file: string): void {
  try {
    const s = statSync(file);
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  } catch {
    hash.update(`${file}\0missing\n`);
  }
}
