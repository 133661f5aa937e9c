import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir` (sorted, `/`-separated) → sha256 of its bytes. Symbolic links hash their
 * target text, so a tree that gained or lost a link also differs.
 */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string) => {
    for (const name of readdirSync(path.join(dir, prefix)).sort()) {
      const rel = prefix ? `${prefix}/${name}` : name;
      const full = path.join(dir, rel);
      const stat = lstatSync(full);
      if (stat.isDirectory()) walk(rel);
      else if (stat.isSymbolicLink()) out.set(rel, `link:${readlinkSync(full)}`);
      else out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk('');
  return out;
}

/** One digest for a whole tree, for messages. */
export function treeDigest(tree: Map<string, string>): string {
  const h = createHash('sha256');
  for (const [file, digest] of tree) h.update(`${file}\0${digest}\n`);
  return h.digest('hex').slice(0, 16);
}

/** Files that differ between two hashed trees (added, removed or changed). */
export function treeDiff(a: Map<string, string>, b: Map<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}
