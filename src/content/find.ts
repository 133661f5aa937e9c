import path from 'node:path';
import type { Diagnostic } from './diagnostic.ts';
import { walkFiles } from './walk.ts';

export type DocKind = 'post' | 'page';

export interface FoundFile {
  kind: DocKind;
  /** Absolute path on disk. */
  abs: string;
  /** Path relative to the content root, with `/` separators: `posts/ssl/mae.md`. */
  rel: string;
}

export interface FindResult {
  files: FoundFile[];
  diagnostics: Diagnostic[];
}

/**
 * Lists `posts/**\/*.md` and `pages/**\/*.md` under the content root, sorted so that
 * the build never depends on directory order. Symlinks that leave the root are refused.
 */
export function findContent(root: string, display: (abs: string) => string): FindResult {
  const files: FoundFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const kind of ['post', 'page'] as const) {
    const dir = path.join(root, `${kind}s`);
    const walked = walkFiles(dir, { display, name: 'content', within: root });
    diagnostics.push(...walked.diagnostics);
    for (const f of walked.files) if (f.rel.endsWith('.md')) files.push({ kind, abs: f.abs, rel: path.relative(root, f.abs).split(path.sep).join('/') });
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, diagnostics };
}
