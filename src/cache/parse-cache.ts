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

/**
 * Parsed frontmatter by the file's text, so that an unchanged file's YAML is not parsed and
 * validated again (most of the load stage on a large site). One small JSON file.
 */
export class ParseCache {
  private readonly file: string;
  private readonly old: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};

  /** `cacheKey`: the site's key (`siteKey`), which covers the parser's own code: a change to it invalidates every entry. */
  constructor(cacheDir: string, private readonly cacheKey: string) {
    this.file = path.join(cacheDir, 'parse.json');
    try {
      this.old = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Entry>;
    } catch {
      this.old = {};
    }
  }

  /** `salt`: everything besides the text that the result depends on (path shown, zone, kind). */
  parse(text: string, salt: string, run: () => ParsedSource): ParsedSource {
    const key = createHash('sha1').update(this.cacheKey).update('\0').update(salt).update('\0').update(text).digest('base64url');
    const hit = this.old[key];
    if (hit && typeof hit.padding === 'number' && hit.rest <= text.length) {
      this.next[key] = hit;
      const data = hit.data
        ? { ...hit.data, ...(hit.data.date ? { date: new Date(hit.data.date) } : {}), ...(hit.data.updated ? { updated: new Date(hit.data.updated) } : {}) }
        : undefined;
      return { ...(data ? { data: data as Frontmatter } : {}), body: '\n'.repeat(hit.padding) + text.slice(text.length - hit.rest), diagnostics: hit.diagnostics, places: hit.places };
    }
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
      this.next[key] = { ...(data ? { data } : {}), diagnostics: parsed.diagnostics, places: parsed.places, padding, rest };
    }
    return parsed;
  }

  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(this.next));
    renameSync(tmp, this.file);
  }
}
