import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostic.ts';

export interface WalkedFile {
  /** Absolute path on disk, through any symbolic link. */
  abs: string;
  /** Real path of the file: what a build reads or copies. */
  real: string;
  /** Path relative to the walked folder, with `/` separators. */
  rel: string;
}

export interface WalkOptions {
  display: (abs: string) => string;
  /** What the folder is called in messages: `content`, `public`. */
  name: string;
  /** Symbolic links may point anywhere inside this folder (default: the walked folder). */
  within?: string;
  /** Dot-named entries are skipped unless this keeps them (by path relative to the folder). */
  keepDotted?: (rel: string) => boolean;
  /** Entries not walked at all (by path relative to the folder): `node_modules`, the output. */
  skip?: (rel: string) => boolean;
}

/**
 * Lists every file under `dir`, sorted so that a build never depends on directory order. A
 * symbolic link is followed only when its target lies inside `dir` (nothing outside the folder
 * is read or published); a broken one, one that leaves, and a loop back to a folder already
 * being walked are diagnostics at the link.
 */
export function walkFiles(dir: string, options: WalkOptions): { files: WalkedFile[]; diagnostics: Diagnostic[] } {
  const files: WalkedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let realRoot: string;
  try {
    realpathSync(dir);
    realRoot = realpathSync(options.within ?? dir);
  } catch {
    return { files, diagnostics };
  }
  const refuse = (abs: string, message: string) => diagnostics.push(diagnostic(options.display(abs), 1, 1, message, 'file/symlink'));
  const walk = (folder: string, realFolder: string, open: Set<string>) => {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of entries.sort()) {
      const abs = path.join(folder, name);
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      if (name.startsWith('.') && !options.keepDotted?.(rel)) continue;
      if (options.skip?.(rel)) continue;
      let real = path.join(realFolder, name);
      const stat = lstatSync(abs);
      if (stat.isSymbolicLink()) {
        try {
          real = realpathSync(abs);
        } catch {
          refuse(abs, 'broken symbolic link');
          continue;
        }
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
          refuse(abs, `symbolic link points outside the ${options.name} directory (${real}); refused`);
          continue;
        }
      }
      const target = lstatSync(real);
      if (target.isDirectory()) {
        if (open.has(real)) {
          refuse(abs, `symbolic link loops back to ${options.display(real)}; refused`);
          continue;
        }
        walk(abs, real, new Set([...open, real]));
      } else if (target.isFile()) files.push({ abs, real, rel });
    }
  };
  const realDir = realpathSync(dir);
  walk(dir, realDir, new Set([realDir]));
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, diagnostics };
}
