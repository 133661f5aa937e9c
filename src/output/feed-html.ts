import { Parser } from 'htmlparser2';

/**
 * A post's HTML made fit for feed readers: every URL absolute (readers have no base), KaTeX's
 * visual HTML dropped in favour of its MathML (readers have no KaTeX CSS), heading anchors gone.
 *
 * Attributes are found by the HTML parser, never by a pattern; results are memoised per post.
 */
export function feedHtml(html: string, pageUrl: string): string {
  const key = `${pageUrl}\u0000${html.length}`;
  const cached = memo.get(key);
  if (cached && cached.html === html) return cached.out;
  const out = absolutize(dropKatexHtml(dropAnchors(html)), pageUrl);
  memo.set(key, { html, out });
  return out;
}

const memo = new Map<string, { html: string; out: string }>();

const ANCHOR = /<a class="heading-anchor"[^>]*>#<\/a>/g;

function dropAnchors(html: string): string {
  return html.replace(ANCHOR, '');
}

const KATEX_HTML = '<span class="katex-html" aria-hidden="true">';

/** Removes every `<span class="katex-html">…</span>` with its nested spans. */
function dropKatexHtml(html: string): string {
  let out = '';
  let from = 0;
  for (let start = html.indexOf(KATEX_HTML); start >= 0; start = html.indexOf(KATEX_HTML, from)) {
    out += html.slice(from, start);
    let depth = 0;
    let i = start;
    for (;;) {
      const open = html.indexOf('<span', i);
      const close = html.indexOf('</span>', i);
      if (close < 0) return out + html.slice(start); // malformed: keep the rest as it is
      if (open >= 0 && open < close) {
        depth++;
        i = open + 5;
      } else {
        depth--;
        i = close + 7;
        if (depth === 0) break;
      }
    }
    from = i;
  }
  return out + html.slice(from);
}

/**
 * Resolves href and src values against the page URL. The HTML parser finds each attribute
 * where it is, so nothing inside another attribute's value or in text is ever taken for one.
 */
function absolutize(html: string, pageUrl: string): string {
  const edits: [start: number, end: number, text: string][] = [];
  const parser = new Parser(
    {
      onattribute(name, value) {
        if (name === 'href' || name === 'src') edits.push([parser.startIndex, parser.endIndex, `${name}="${resolve(value, pageUrl)}"`]);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  let out = '';
  let from = 0;
  for (const [start, end, text] of edits) {
    out += html.slice(from, start) + text;
    from = end;
  }
  return out + html.slice(from);
}

/** The absolute URL, escaped for a double-quoted attribute. */
function resolve(value: string, pageUrl: string): string {
  let url = value;
  try {
    url = new URL(value, pageUrl).href;
  } catch {
    // not a URL: kept as written
  }
  return url.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;').replace(/</g, '&#x3C;');
}
