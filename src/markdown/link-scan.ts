import { decodeString } from 'micromark-util-decode-string';
import { sourceLink } from './links.ts';
import type { RenderInput } from './render.ts';
import { WIKILINK, wikilinkTarget } from './wikilinks.ts';

/**
 * `](dest` of an inline link or image, `]: dest` of a definition: the destination in `<…>`
 * (group 1) or bare, with one level of balanced parentheses (group 2).
 */
const DESTINATION = /\][(:][ \t]*(?:\r?\n[ \t]*)?(?:<((?:\\.|[^<>\n\\])*)>|((?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))+))/g;
/** `href=` or `src=` of raw HTML, quoted or not. */
const ATTRIBUTE = /\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * The documents a Markdown body may link to, read from its text without rendering it: Markdown
 * links, images and definitions, raw HTML `href`/`src`, and wikilinks, resolved by the renderer's
 * own rules (`sourceLink`, `wikilinkTarget`). A superset of the links rendering records from the
 * text (one in a code block counts here), so that `folio dev` knows which posts to render for a
 * page's backlinks before rendering the rest. Links a site's remark plugin adds are not seen.
 */
export function scanLinkTargets(input: Pick<RenderInput, 'rel' | 'body' | 'docPaths' | 'wikiIndex'>): Set<string> {
  const { rel, body, docPaths } = input;
  const wikiIndex = input.wikiIndex ?? { slugs: {}, titles: {}, titleOf: {} };
  const targets = new Set<string>();
  // Escapes and character references as Markdown reads them, and as written (raw HTML keeps `\`).
  const spellings = (written: string) => {
    const decoded = decodeString(written);
    return decoded === written ? [written] : [written, decoded];
  };
  const addUrl = (written: string) => {
    for (const url of spellings(written)) {
      const link = sourceLink(url, rel);
      if (link?.targetRel !== undefined && link.pathPart.endsWith('.md') && docPaths[link.targetRel] !== undefined) targets.add(link.targetRel);
    }
  };
  if (body.includes(']')) {
    for (const m of body.matchAll(DESTINATION)) addUrl(m[1] ?? m[2]!);
    if (body.includes('[[')) {
      for (const m of body.matchAll(WIKILINK)) {
        for (const inner of spellings(m[1]!)) {
          const found = wikilinkTarget(inner, rel, wikiIndex);
          if (found) targets.add(found.rel);
        }
      }
    }
  }
  if (body.includes('=')) for (const m of body.matchAll(ATTRIBUTE)) addUrl(m[1] ?? m[2] ?? m[3]!);
  return targets;
}
