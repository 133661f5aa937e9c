import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, type Stats, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A file's identity on disk: equal stamps, equal bytes (as make and git assume). */
export function statStamp(s: Stats): string {
  return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
}

/** The digest every cache keys a source file's bytes by. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/**
 * Each source file's stat → the digest of its bytes, kept between builds, so an unchanged file
 * is known by a stat alone: a warm build reads and hashes only the files that changed. Entries
 * of files this build did not see are dropped when it saves. One small JSON file.
 */
export class SourceIndex {
  private readonly file: string;
  private readonly old: Record<string, [stamp: string, digest: string]>;
  private readonly next: Record<string, [string, string]> = {};

  constructor(cacheDir: string) {
    this.file = path.join(cacheDir, 'sources.json');
    try {
      this.old = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, [string, string]>;
    } catch {
      this.old = {};
    }
  }

  /** The digest of the file's bytes when its stat is as recorded, else undefined. */
  digest(abs: string, stat: Stats): string | undefined {
    const hit = this.old[abs];
    if (!Array.isArray(hit) || hit[0] !== statStamp(stat)) return undefined;
    this.next[abs] = hit;
    return hit[1];
  }

  set(abs: string, stat: Stats, digest: string): void {
    this.next[abs] = [statStamp(stat), digest];
  }

  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(this.next));
    renameSync(tmp, this.file);
  }
}
