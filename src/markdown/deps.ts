import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { WikiIndex } from './file-data.ts';

/** What a dependency of a render looks like now; compared with what it looked like then. */
export function observeDep(dep: string, input: { docPaths: Readonly<Record<string, string>>; contentDir: string; wikiIndex?: WikiIndex }): string {
  const colon = dep.indexOf(':');
  const kind = dep.slice(0, colon);
  const value = dep.slice(colon + 1);
  if (kind === 'doc') return input.docPaths[value] ?? '';
  if (kind === 'file') {
    const file = path.join(input.contentDir, value);
    if (!existsSync(file)) return '';
    const s = statSync(file);
    return s.isFile() ? `${s.size}:${Math.round(s.mtimeMs)}` : '';
  }
  if (kind === 'wiki') return wikiDep(value, input.wikiIndex);
  return '\u0000unknown';
}

/** A wikilink name's matches and their titles (labels come from titles), for `wiki:<key>` deps. */
export function wikiDep(key: string, index: WikiIndex | undefined): string {
  const rels = index?.slugs[key] ?? index?.titles[key] ?? [];
  return JSON.stringify(rels.map((rel) => [rel, index?.titleOf[rel] ?? '']));
}
