import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.ts';
import type { Frontmatter, Located, ParsedSource } from '../content/frontmatter.ts';

interface Entry {
  data?: Omit<Frontmatter, 'date' | 'updated'> & { date?: string; updated?: string };
  diagnostics: Diagnostic[];
  places: Record<string, Located>;
  /** The body is this many newlines, then the rest of the file from `text.length - rest`. */
  padding: number;
  rest: number;
}

/** A parse from the cache, known before the text is read: the body is cut from the text when needed. */
export interface CachedParse extends Omit<ParsedSource, 'body'> {
  body: (text: string) => string;
}

/**
 * Parsed frontmatter by a digest of the file's text, so that an unchanged file's YAML is not
 * parsed and validated again (most of the load stage on a large site). One small JSON file.
 */
export class ParseCache {
  private readonly file: string;
  private readonly old: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};

  /** `cacheKey`: the site's key (`siteKey`), which covers the parser's code: every entry's key covers it. */
  constructor(
    cacheDir: string,
    private readonly cacheKey: string,
  ) {
    this.file = path.join(cacheDir, 'parse.json');
    try {
      this.old = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Entry>;
    } catch {
      this.old = {};
    }
  }

  /**
   * `salt`: everything besides the text that the result depends on (path shown, zone, kind).
   * `digest` identifies the text (by default a digest of it; the loader passes its bytes' digest).
   */
  parse(text: string, salt: string, run: () => ParsedSource, digest = createHash('sha1').update(text).digest('base64url')): ParsedSource {
    const hit = this.lookup(digest, salt);
    if (hit && hit.rest <= text.length) return { ...withoutBody(hit), body: hit.body(text) };
    const parsed = run();
    let padding = 0;
    while (parsed.body.charCodeAt(padding) === 10) padding++;
    const rest = parsed.body.length - padding;
    if (text.endsWith(parsed.body.slice(padding))) {
      let data: Entry['data'];
      if (parsed.data) {
        const { date, updated, ...rest } = parsed.data;
        data = { ...rest, ...(date ? { date: date.toISOString() } : {}), ...(updated ? { updated: updated.toISOString() } : {}) };
      }
      this.next[entryKey(this.cacheKey, digest, salt)] = { ...(data ? { data } : {}), diagnostics: parsed.diagnostics, places: parsed.places, padding, rest };
    }
    return parsed;
  }

  /** The parse of the text with this digest, without the text; undefined when not cached. */
  lookup(digest: string, salt: string): (CachedParse & { rest: number }) | undefined {
    const key = entryKey(this.cacheKey, digest, salt);
    const hit = this.old[key] ?? this.next[key];
    if (!hit || typeof hit.padding !== 'number' || typeof hit.rest !== 'number') return undefined;
    this.next[key] = hit;
    const data = hit.data
      ? { ...hit.data, ...(hit.data.date ? { date: new Date(hit.data.date) } : {}), ...(hit.data.updated ? { updated: new Date(hit.data.updated) } : {}) }
      : undefined;
    return {
      ...(data ? { data: data as Frontmatter } : {}),
      diagnostics: hit.diagnostics,
      places: hit.places,
      rest: hit.rest,
      body: (text) => '\n'.repeat(hit.padding) + text.slice(text.length - hit.rest),
    };
  }

  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(this.next));
    renameSync(tmp, this.file);
  }
}

function entryKey(cacheKey: string, digest: string, salt: string): string {
  return createHash('sha1').update(cacheKey).update('\0').update(salt).update('\0').update(digest).digest('base64url');
}

function withoutBody(hit: CachedParse & { rest: number }): Omit<ParsedSource, 'body'> {
  return { ...(hit.data ? { data: hit.data } : {}), diagnostics: hit.diagnostics, places: hit.places };
}
