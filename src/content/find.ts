import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostic.ts';

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
  const realRoot = realpathSync(root);
  const walk = (dir: string, kind: DocKind) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      if (name.startsWith('.')) continue;
      const abs = path.join(dir, name);
      const stat = lstatSync(abs);
      let target = abs;
      if (stat.isSymbolicLink()) {
        let real: string;
        try {
          real = realpathSync(abs);
        } catch {
          diagnostics.push(diagnostic(display(abs), 1, 1, 'broken symbolic link', 'file/symlink'));
          continue;
        }
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
          diagnostics.push(
            diagnostic(display(abs), 1, 1, `symbolic link points outside the content directory (${real}); refused`, 'file/symlink'),
          );
          continue;
        }
        target = real;
      }
      const targetStat = lstatSync(target);
      if (targetStat.isDirectory()) walk(abs, kind);
      else if (name.endsWith('.md')) files.push({ kind, abs, rel: path.relative(root, abs).split(path.sep).join('/') });
    }
  };
  walk(path.join(root, 'posts'), 'post');
  walk(path.join(root, 'pages'), 'page');
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, diagnostics };
}
