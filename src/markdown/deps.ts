import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** What a dependency of a render looks like now; compared with what it looked like then. */
export function observeDep(dep: string, input: { docPaths: Readonly<Record<string, string>>; contentDir: string }): string {
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
  return '\u0000unknown';
}

