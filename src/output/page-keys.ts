import { createHash } from 'node:crypto';
import type { RenderContext } from '../config/types.ts';
import { codeKey } from '../cache/code-key.ts';
import type { Doc } from '../site/model.ts';

/**
 * Keys for generated files: a digest of everything a page is made from (its template data, the
 * site settings, the client assets and Folio's own code). A page whose key is the same as in the
 * last build has the same bytes, so it is neither rendered nor written again. Posts inside the
 * data stand for themselves by the fields lists show; a page that shows a post's body must name
 * `contentKey` in its data. A key stays small however long the posts are.
 */
export class PageKeys {
  private readonly base: string;
  private readonly docKeys = new WeakMap<object, string>();

  /**
   * `cacheKey`: the site's key (`siteKey`), which covers Folio's code and the site's own; else
   * Folio's code alone. `templatesKey`: a digest of the site's own templates (dev takes it afresh).
   */
  constructor(ctx: RenderContext, cacheKey: string = codeKey(), templatesKey = '') {
    // The string table too: an override may be a function, which JSON would leave out.
    this.base = digest(cacheKey, JSON.stringify(ctx.assets), JSON.stringify(ctx.config), JSON.stringify(ctx.strings, (_, v: unknown) => (typeof v === 'function' ? String(v) : v)), templatesKey);
  }

  of(kind: string, sitePath: string, data: unknown): string {
    return digest(this.base, kind, sitePath, JSON.stringify(data, (key, value: unknown) => (isDoc(value) && key !== '' ? this.docKey(value) : value)));
  }

  private docKey(doc: Doc): string {
    let k = this.docKeys.get(doc);
    if (k === undefined) {
      // What lists, neighbours and related sections show of a post; not its body, so an edit to
      // a post's text does not change every page that merely links to it.
      // Fields are copied by name so that the HTML (loaded lazily) is never read here.
      const shown: Record<string, unknown> = {};
      for (const name of Object.keys(doc)) if (!NOT_SHOWN.has(name)) shown[name] = doc[name as keyof Doc];
      k = digest(JSON.stringify(shown));
      this.docKeys.set(doc, k);
    }
    return k;
  }
}

const NOT_SHOWN = new Set(['html', 'text', 'links', 'headingIds', 'contentKey', 'toc']);

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && 'contentKey' in value && 'html' in value;
}

function digest(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('base64url');
}
