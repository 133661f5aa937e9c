import { type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
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
  /**
   * `follow` (the default): a link that stays inside the folder is walked like what it points
   * to. `report`: no link is followed; each is listed in `links` for the caller to name (an
   * importer that copies only what it was given).
   */
  links?: 'follow' | 'report';
  /** Entries not walked at all (by path relative to the folder): `node_modules`, the output. */
  skip?: (rel: string) => boolean;
}

export interface WalkResult {
  files: WalkedFile[];
  diagnostics: Diagnostic[];
  /** With `links: 'report'`: every symbolic link met, relative to the folder, not followed. */
  links: string[];
}

/**
 * Lists every file under `dir`, sorted so that a build never depends on directory order. A
 * symbolic link is followed only when its target lies inside `dir` (nothing outside the folder
 * is read or published); a broken one, one that leaves, and a loop back to a folder already
 * being walked are diagnostics at the link. The one directory walker: whatever lists files
 * (content, public/, the output, caches, the Hexo importer) goes through here.
 */
export function walkFiles(dir: string, options: WalkOptions): WalkResult {
  const files: WalkedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const links: string[] = [];
  let realRoot: string;
  let realDir: string;
  try {
    realDir = realpathSync(dir);
    realRoot = realpathSync(options.within ?? dir);
  } catch {
    return { files, diagnostics, links };
  }
  const follow = options.links !== 'report';
  const refuse = (abs: string, message: string) => diagnostics.push(diagnostic(options.display(abs), 1, 1, message, 'file/symlink'));
  const walk = (folder: string, relFolder: string, realFolder: string, open: Set<string>) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = entry.name;
      const abs = path.join(folder, name);
      const rel = relFolder === '' ? name : `${relFolder}/${name}`;
      if (name.startsWith('.') && !options.keepDotted?.(rel)) continue;
      if (options.skip?.(rel)) continue;
      let real = path.join(realFolder, name);
      // The entry's own type, without a stat, where the file system gives it.
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let isLink = entry.isSymbolicLink();
      if (!isDir && !isFile && !isLink) {
        const stat = lstatSync(abs);
        [isDir, isFile, isLink] = [stat.isDirectory(), stat.isFile(), stat.isSymbolicLink()];
      }
      if (isLink) {
        if (!follow) {
          links.push(rel);
          continue;
        }
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
        const target = statSync(real);
        [isDir, isFile] = [target.isDirectory(), target.isFile()];
      }
      if (isDir) {
        if (open.has(real)) {
          refuse(abs, `symbolic link loops back to ${options.display(real)}; refused`);
          continue;
        }
        walk(abs, rel, real, new Set([...open, real]));
      } else if (isFile) files.push({ abs, real, rel });
    }
  };
  walk(dir, '', realDir, new Set([realDir]));
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, diagnostics, links };
}
