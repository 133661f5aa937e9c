import { Parser } from 'htmlparser2';

export interface SearchInputOptions {
  /** Class names whose elements (and everything inside) are not indexed. */
  excludeClasses: readonly string[];
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * The part of a page Pagefind indexes, as a small document: `<html lang>` and each
 * `data-pagefind-body` element, without excluded subtrees. Pagefind would find the same words in
 * the whole page, but KaTeX's markup is three quarters of a post's bytes and Pagefind's time
 * grows with the bytes it parses, so handing it only this makes indexing several times faster.
 */
export function searchInput(html: string, options: SearchInputOptions): string {
  const out: string[] = [];
  const stack: string[] = [];
  let keepFrom = -1;
  let skipFrom = -1;
  let lang = '';
  const excluded = (cls: string | undefined) => cls !== undefined && cls.split(/\s+/).some((c) => options.excludeClasses.includes(c));
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === 'html' && attribs.lang) lang = attribs.lang;
        const depth = stack.length;
        if (!VOID.has(name)) stack.push(name);
        if (skipFrom >= 0) return;
        if (keepFrom < 0 && attribs['data-pagefind-body'] === undefined) return;
        if (excluded(attribs.class)) {
          if (!VOID.has(name)) skipFrom = depth;
          return;
        }
        if (keepFrom < 0) keepFrom = depth;
        const attrs = Object.entries(attribs)
          .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escape(v, true)}"`))
          .join('');
        out.push(`<${name}${attrs}>`);
      },
      ontext(text) {
        if (keepFrom >= 0 && skipFrom < 0) out.push(escape(text, false));
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        stack.pop();
        const depth = stack.length;
        if (skipFrom >= 0) {
          if (depth === skipFrom) skipFrom = -1;
          return;
        }
        if (keepFrom < 0) return;
        out.push(`</${name}>`);
        if (depth === keepFrom) keepFrom = -1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return `<!doctype html><html lang="${escape(lang, true)}"><body>${out.join('')}</body></html>`;
}

function escape(text: string, attribute: boolean): string {
  const s = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? s.replace(/"/g, '&quot;') : s;
}
