import { Parser } from 'htmlparser2';

export interface SearchInputOptions {
  /** Class names whose elements (and everything inside) are not indexed. */
  excludeClasses: readonly string[];
}

/**
 * What the site's search indexes of a page: elements inside an indexed post that are not prose
 * are left out, KaTeX's glyph spans and MathML (they would show as noise in excerpts) and the
 * `#` anchors beside headings.
 */
export const INDEXED: SearchInputOptions = { excludeClasses: ['katex', 'heading-anchor'] };

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** What `walkSearchable` reports: the kept elements and text, text already escaped as in HTML. */
interface SearchableHandler {
  open(name: string, attribs: Record<string, string>): void;
  text(escaped: string): void;
  close(name: string): void;
}

/**
 * Walks the part of a page Pagefind indexes: each `data-pagefind-body` element, without
 * excluded subtrees. Returns the page's `<html lang>`.
 */
function walkSearchable(html: string, options: SearchInputOptions, handler: SearchableHandler): string {
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
        handler.open(name, attribs);
      },
      ontext(text) {
        if (keepFrom >= 0 && skipFrom < 0) handler.text(escape(text, false));
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
        handler.close(name);
        if (depth === keepFrom) keepFrom = -1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return lang;
}

/**
 * The part of a page Pagefind indexes, as a small document: `<html lang>` and each
 * `data-pagefind-body` element, without excluded subtrees. Pagefind would find the same words in
 * the whole page, but KaTeX's markup is three quarters of a post's bytes and Pagefind's time
 * grows with the bytes it parses, so handing it only this makes indexing several times faster.
 */
export function searchInput(html: string, options: SearchInputOptions): string {
  const out: string[] = [];
  const lang = walkSearchable(html, options, {
    open(name, attribs) {
      const attrs = Object.entries(attribs)
        .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escape(v, true)}"`))
        .join('');
      out.push(`<${name}${attrs}>`);
    },
    text(escaped) {
      out.push(escaped);
    },
    close(name) {
      out.push(`</${name}>`);
    },
  });
  return `<!doctype html><html lang="${escape(lang, true)}"><body>${out.join('')}</body></html>`;
}

/** A page as Pagefind's `addCustomRecord` takes it. */
export interface SearchRecord {
  language: string;
  /** Pagefind's own digest of the page: its text, with its markers for heading weights and anchors. */
  content: string;
  meta: Record<string, string>;
}

/** Elements Pagefind ends a sentence after (`SENTENCE_SELECTORS` in Pagefind's parser). */
const SENTENCE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
/** Elements Pagefind never indexes the text of (`REMOVE_SELECTORS`). */
const REMOVED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
/** Pagefind's weights for headings without `data-pagefind-weight`. */
const AUTO_WEIGHT: Record<string, string> = { h1: '7', h2: '6', h3: '5', h4: '4', h5: '3', h6: '2' };
/** Rust's `\w` (Unicode) and `'")$*`: a block ending in one of these gets a period. */
const SENTENCE_END = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]$/u;

type Status = 'indexing' | 'ignored' | 'body' | 'parentOfBody';
interface Node {
  name: string;
  value: string;
  status: Status;
  meta: string[] | undefined;
  weight: string | undefined;
}

/**
 * The record Pagefind would make of `searchInput(html)`, made here from the page we already
 * parse, so Pagefind neither parses HTML nor segments it twice: the same text, sentence marks,
 * heading weights and anchor positions, so the index and the excerpts are the same as when it
 * reads the page. (Anchor texts are not carried: the site does not show sub-results.)
 * Undefined when the page uses a Pagefind attribute this does not reproduce (filters, sort keys,
 * ignore, attribute metadata): such a page is indexed from its HTML.
 */
export function searchRecord(html: string, options: SearchInputOptions): SearchRecord | undefined {
  const root: Node = { name: '', value: '', status: 'indexing', meta: undefined, weight: undefined };
  const stack: Node[] = [root];
  const meta: Record<string, string> = {};
  let autoTitle: string | undefined;
  let autoImage: [string, string] | undefined;
  let anchors = 0;
  let unsupported = false;
  const lang = walkSearchable(html, options, {
    open(name, attribs) {
      const parent = stack.at(-1)!;
      let metaNames: string[] | undefined;
      for (const key of Object.keys(attribs)) {
        if (!key.startsWith('data-pagefind-') || key === 'data-pagefind-body') continue;
        if (key === 'data-pagefind-meta' && /^[^:[\]]+$/.test(attribs[key]!)) metaNames = attribs[key]!.split(',').map((m) => m.trim());
        else if (key !== 'data-pagefind-weight') unsupported = true;
      }
      const body = attribs['data-pagefind-body'] !== undefined;
      if (attribs.id !== undefined && !(parent.status === 'parentOfBody' && !body)) {
        parent.value += ` ___PAGEFIND_ANCHOR___${name}:${anchors++}:${attribs.id.replace(/\s/g, '')} `;
      }
      if (name === 'br') parent.value += ' ';
      if (VOID.has(name)) {
        if (name === 'img' && autoImage === undefined && (autoTitle !== undefined || meta.title !== undefined) && attribs.src !== undefined) autoImage = [attribs.src, attribs.alt ?? ''];
        return;
      }
      stack.push({ name, value: '', status: REMOVED.has(name) ? 'ignored' : body ? 'body' : 'indexing', meta: metaNames, weight: attribs['data-pagefind-weight'] });
    },
    text(escaped) {
      stack.at(-1)!.value += escaped;
    },
    close() {
      const node = stack.pop()!;
      const parent = stack.at(-1)!;
      if (node.meta && node.value !== '') for (const m of node.meta) meta[m] = normalize(node.value);
      if (node.name === 'h1' && autoTitle === undefined && node.value.trim() !== '') autoTitle = normalize(node.value);
      if (node.status === 'ignored') return;
      let value = node.value;
      if (SENTENCE.has(node.name)) {
        value = ` ${value}`;
        if (SENTENCE_END.test(value)) value += '.';
        value += ' ';
      }
      if (node.weight !== undefined) value = ` ___PAGEFIND_WEIGHT___${node.weight} ${value} ___END_PAGEFIND_WEIGHT___ `;
      else if (AUTO_WEIGHT[node.name]) value = ` ___PAGEFIND_AUTO_WEIGHT___${AUTO_WEIGHT[node.name]} ${value} ___END_PAGEFIND_WEIGHT___ `;
      if (parent.status === 'parentOfBody' && node.status !== 'body' && node.status !== 'parentOfBody') return;
      if (node.status === 'indexing') parent.value += value;
      else {
        if (parent.status !== 'parentOfBody') parent.value = '';
        parent.value += value;
        parent.status = 'parentOfBody';
      }
    },
  });
  if (unsupported) return undefined;
  if (autoImage && meta.image === undefined) [meta.image, meta.image_alt] = autoImage;
  if (autoTitle !== undefined && meta.title === undefined) meta.title = autoTitle;
  return { language: lang.toLowerCase() || 'unknown', content: normalize(root.value), meta };
}

/** Pagefind's `normalize_content`: entities decoded, runs of white space made one space, trimmed. */
function normalize(text: string): string {
  return decode(text).replace(/\s+/g, ' ').trim();
}

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"' })[e]!);
}

function escape(text: string, attribute: boolean): string {
  const s = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? s.replace(/"/g, '&quot;') : s;
}
