import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.ts';
import { stampFile, stampTree } from './stamp.ts';

/** What the last successful build into an output directory produced, kept in the cache. */
export interface BuildRecord {
  /** Digest of every input (see `inputFingerprint`). */
  fingerprint: string;
  /** Output path → digest of its bytes, to hard-link unchanged files next time. */
  files: Record<string, string>;
  /** Output path → key of what the file was made from (see PageKeys). */
  keys?: Record<string, string>;
  /** The site's shape when the keys were made (see `siteShape`): same shape, same keys but for changed bodies. */
  shape?: string;
  /** Document path → its `contentKey`, to tell which bodies changed. */
  bodies?: Record<string, string>;
  /** Output path → the documents whose body its key covers: the pages an edit to a body reaches. */
  pageBodies?: Record<string, string[]>;
  /** Output path → size and mtime right after the build, to notice files changed by hand. */
  stamps: Record<string, string>;
  /** The output directory's identity right after the build, to notice outside changes. */
  outStamp: string;
  /** Warnings of that build, repeated when nothing changed. */
  diagnostics: Diagnostic[];
  stats: { posts: number; pages: number; tags: number; categories: number; files: number };
}

/**
 * A digest of everything a build reads: every file under the content and public folders and the
 * site config (by path, size and mtime), and the options, which carry the site's cache key
 * (`siteKey`: Folio's code, the config with its plugins, the site's modules, templates and CSS).
 * Equal fingerprints mean the build would write the same bytes.
 */
export function inputFingerprint(dirs: string[], files: string[], options: unknown): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  for (const dir of dirs) stampTree(hash, dir);
  for (const file of files) stampFile(hash, file);
  return hash.digest('hex');
}

export function fileStamps(outDir: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, stampOf(path.join(outDir, f))]));
}

/** The last build's files that are still as it left them: safe to hard-link into the next one. */
export function reusableFiles(outDir: string, record: BuildRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const [f, digest] of Object.entries(record.files)) {
    if (record.stamps[f] !== undefined && stampOf(path.join(outDir, f)) === record.stamps[f]) out.set(f, digest);
  }
  return out;
}

function stampOf(file: string): string {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return '';
  }
}

export function outStamp(outDir: string): string {
  try {
    const s = statSync(outDir);
    return `${s.ino}:${s.mtimeMs}`;
  } catch {
    return '';
  }
}

function recordFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `build-${createHash('sha1').update(path.resolve(outDir)).digest('hex').slice(0, 12)}.json`);
}

export function readRecord(cacheDir: string, outDir: string): BuildRecord | undefined {
  const file = recordFile(cacheDir, outDir);
  if (!existsSync(file)) return undefined;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
    return typeof r.fingerprint === 'string' && typeof r.files === 'object' && typeof r.stamps === 'object' ? r : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(cacheDir: string, outDir: string, record: BuildRecord): void {
  writeFileSync(recordFile(cacheDir, outDir), JSON.stringify(record));
}
