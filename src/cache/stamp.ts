import type { Hash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Feeds a hash with the path, size and modification time of every file under `dir`, in a
 * fixed order: a cheap identity for a folder's contents (a missing folder adds nothing).
 */
export function stampTree(hash: Hash, dir: string): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) stampTree(hash, full);
    else stampFile(hash, full);
  }
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
