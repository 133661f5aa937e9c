import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { findContent } from '../content/find.ts';

/** Every Markdown file's path, size and mtime: cheap to compute on each request, exact. */
export function contentFingerprint(contentDir: string): string {
  const parts: string[] = [];
  for (const f of findContent(contentDir, (p) => p).files) {
    try {
      const s = statSync(f.abs);
      parts.push(`${f.rel}:${s.size}:${s.mtimeMs}`);
    } catch {
      // Deleted between listing and stat: the next request sees it gone.
    }
  }
  return createHash('sha1').update(parts.join('\n')).digest('hex');
}
