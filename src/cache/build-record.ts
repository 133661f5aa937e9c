import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** What the last successful build into an output directory produced, kept in the cache: what the next build may reuse. */
export interface BuildRecord {
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
}

export function fileStamps(outDir: string, files: string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, fileStamp(path.join(outDir, f))]));
}

/** The last build's files that are still as it left them: safe to hard-link into the next one. */
export function reusableFiles(outDir: string, record: BuildRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const [f, digest] of Object.entries(record.files)) {
    if (record.stamps[f] !== undefined && fileStamp(path.join(outDir, f)) === record.stamps[f]) out.set(f, digest);
  }
  return out;
}

/** An output file's size and mtime, '' when it is gone: what tells a file changed by hand. */
export function fileStamp(file: string): string {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : '';
}

/** In V8's own serialization, which reads back several times faster than JSON at this size (megabytes on a large site). */
function recordFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `build-${createHash('sha1').update(path.resolve(outDir)).digest('hex').slice(0, 12)}.v8`);
}

export function readRecord(cacheDir: string, outDir: string): BuildRecord | undefined {
  const file = recordFile(cacheDir, outDir);
  if (!existsSync(file)) return undefined;
  try {
    const r = deserialize(readFileSync(file)) as BuildRecord;
    return typeof r.files === 'object' && r.files !== null && typeof r.stamps === 'object' && r.stamps !== null ? r : undefined;
  } catch {
    return undefined;
  }
}

export function writeRecord(cacheDir: string, outDir: string, record: BuildRecord): void {
  const file = recordFile(cacheDir, outDir);
  writeFileSync(`${file}.tmp-${process.pid}`, serialize(record));
  renameSync(`${file}.tmp-${process.pid}`, file);
}
