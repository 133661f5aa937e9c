import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every Markdown file's path, size and mtime: cheap to compute on each request, exact. */
export function contentFingerprint(contentDir: string): string {
  const parts: string[] = [];
  for (const sub of ['posts', 'pages']) {
    let names: string[];
    try {
      names = readdirSync(path.join(contentDir, sub), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.md')) continue;
      try {
        const s = statSync(path.join(contentDir, sub, name));
        parts.push(`${sub}/${name}:${s.size}:${s.mtimeMs}`);
      } catch {
        // Deleted between listing and stat: the next request sees it gone.
      }
    }
  }
  return createHash('sha1').update(parts.join('\n')).digest('hex');
}
