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
 *
 * While `trackBodies` runs, every `contentKey` a key covers is noted: the pages that show a
 * document's body (see `siteShape` for how the build uses that to rekey only those pages).
 */
export class PageKeys {
  /** What every key covers besides its page's data (settings, assets, strings, code, templates). */
  readonly base: string;

  /**
   * `cacheKey`: the site's key (`siteKey`), which covers Folio's code and the site's own; else
   * Folio's code alone. `templatesKey`: a digest of the site's own templates (dev takes it afresh).
   */
  constructor(ctx: RenderContext, cacheKey: string = codeKey(), templatesKey = '') {
    // The string table too: an override may be a function, which JSON would leave out.
    this.base = digest(cacheKey, JSON.stringify(ctx.assets), JSON.stringify(ctx.config), JSON.stringify(ctx.strings, (_, v: unknown) => (typeof v === 'function' ? String(v) : v)), templatesKey);
  }

  of(kind: string, sitePath: string, data: unknown): string {
    const seen = tracking;
    return digest(
      this.base,
      kind,
      sitePath,
      JSON.stringify(data, (key, value: unknown) => {
        if (isDoc(value) && key !== '') return shownKey(value);
        if (seen && typeof value === 'string') {
          const owner = seen.owners.get(value);
          if (owner !== undefined) seen.found.add(owner);
        }
        return value;
      }),
    );
  }
}

/**
 * What lists, neighbours and related sections show of a document; not its body, so an edit to a
 * post's text does not change every page that merely links to it. Fields are copied by name so
 * that the HTML (loaded lazily) is never read here.
 */
function shownKey(doc: Doc): string {
  let k = shownKeys.get(doc);
  if (k === undefined) {
    const shown: Record<string, unknown> = {};
    for (const name of Object.keys(doc)) if (!NOT_SHOWN.has(name)) shown[name] = doc[name as keyof Doc];
    k = digest(JSON.stringify(shown));
    shownKeys.set(doc, k);
  }
  return k;
}

const shownKeys = new WeakMap<Doc, string>();

const NOT_SHOWN = new Set(['html', 'text', 'links', 'headingIds', 'contentKey', 'toc']);

/**
 * Everything a page's data can depend on besides the bodies it names: the code, assets and
 * config, and each document's shown fields and outgoing links (backlinks come from those), in
 * the site's order. Two builds with the same shape give every page the same key, except pages
 * whose data names a `contentKey` that changed: those, and only those, must be keyed again.
 */
export function siteShape(ctx: RenderContext, docs: readonly Doc[], cacheKey?: string): string {
  const hash = createHash('sha1').update(new PageKeys(ctx, cacheKey).base);
  for (const doc of docs) hash.update('\0').update(doc.path).update('\0').update(shownKey(doc)).update('\0').update(JSON.stringify(doc.links));
  return hash.digest('base64url');
}

let tracking: { owners: ReadonlyMap<string, string>; found: Set<string> } | undefined;

/**
 * Runs `fn` (which computes page keys) and returns, beside its result, the documents whose body
 * the keys covered: `owners` maps each `contentKey` to its document's id. The bodies a page
 * shows are what its key depends on beyond the site's shape.
 */
export function trackBodies<T>(owners: ReadonlyMap<string, string>, fn: () => T): { value: T; bodies: string[] } {
  const outer = tracking;
  tracking = { owners, found: new Set() };
  try {
    const value = fn();
    return { value, bodies: [...tracking.found].sort() };
  } finally {
    tracking = outer;
  }
}

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && 'contentKey' in value && 'html' in value;
}

function digest(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('base64url');
}
