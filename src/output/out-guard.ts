import { existsSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Every build replaces its output folder whole, so the folder must be one that Folio made. This
 * file in the output says so; a folder without it is never replaced unless it is empty.
 */
export const OUTPUT_MARKER = '.folio-output';
const MARKER_TEXT = 'This folder is written by Folio (folio build) and replaced whole by each build.\n';

/** A build refused before it started, for a reason the user must fix: the CLI exits 2. */
export class RefusedOutputError extends Error {}

export interface OutputPlaces {
  outDir: string;
  root: string;
  contentDir: string;
  publicDir: string;
  /** The working directory and the home folder, by default the process's own. */
  cwd?: string;
  home?: string;
  /** True when the last build recorded in the cache wrote this folder (outputs from before the marker). */
  recorded?: boolean;
}

/**
 * Why `outDir` must not be replaced by a build, or undefined when it may. Refused: a folder that
 * is or contains the site root, its content or public folder, the working or home folder, or `/`;
 * a folder inside the content or public folder (it would be read back as input); and any existing
 * non-empty folder that holds no marker of an earlier Folio build.
 */
export function outputRefusal(places: OutputPlaces): string | undefined {
  const out = real(places.outDir);
  const shown = places.outDir;
  const guarded: [string, string][] = [
    [places.root, 'the site folder'],
    [places.contentDir, 'the content folder'],
    [places.publicDir, 'the public folder'],
    [places.cwd ?? process.cwd(), 'the current folder'],
    [places.home ?? homedir(), 'your home folder'],
    [path.parse(out).root, 'the file-system root'],
  ];
  for (const [dir, name] of guarded) {
    const r = real(dir);
    if (r === out) return `refusing to use ${shown} as the output folder: it is ${name}, and each build replaces its output folder whole`;
    if (inside(r, out)) return `refusing to use ${shown} as the output folder: it contains ${name} (${r}), and each build replaces its output folder whole`;
  }
  for (const [dir, name] of [[places.contentDir, 'content'], [places.publicDir, 'public']] as const) {
    if (inside(out, real(dir))) return `refusing to use ${shown} as the output folder: it is inside the ${name} folder, whose files are the build's input`;
  }
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return `refusing to use ${shown} as the output folder: it is a file, not a folder`;
  if (existsSync(path.join(out, OUTPUT_MARKER)) || places.recorded) return undefined;
  const entries = readdirSync(out);
  if (entries.length === 0) return undefined;
  return `refusing to replace ${shown}: it holds ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} that Folio did not write (no ${OUTPUT_MARKER} marker); choose an empty or new folder with --out, or empty this one yourself`;
}

/** Throws RefusedOutputError when the output folder must not be replaced. */
export function guardOutput(places: OutputPlaces): void {
  const refusal = outputRefusal(places);
  if (refusal) throw new RefusedOutputError(refusal);
}

/** Marks a staged output as Folio's, so the next build may replace it. */
export function markOutput(staging: string): void {
  writeFileSync(path.join(staging, OUTPUT_MARKER), MARKER_TEXT);
}

/** The real path of `p`, or of its nearest existing ancestor with the rest appended. */
function real(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(real(parent), path.basename(abs));
  }
}

/** True when `child` lies strictly inside `parent`. */
function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
