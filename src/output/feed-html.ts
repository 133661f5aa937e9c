/**
 * A post's HTML made fit for feed readers: every URL absolute (readers have no base), KaTeX's
 * visual HTML dropped in favour of its MathML (readers have no KaTeX CSS), heading anchors gone.
 *
 * The input is always our own serializer's output (hast-util-to-html: attribute values in
 * double quotes, `<` escaped in text), so a small tokenizer over tags is exact and avoids
 * re-parsing every post into a tree for every feed it appears in. Results are memoised per post.
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

const URL_ATTR = / (href|src)="([^"]*)"/g;

/** Resolves href and src values inside tags (never in text) against the page URL. */
function absolutize(html: string, pageUrl: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const end = tagEnd(html, lt);
    out += html.slice(i, lt);
    const tag = html.slice(lt, end);
    out += /^<[a-zA-Z]/.test(tag) ? tag.replace(URL_ATTR, (_, name: string, value: string) => ` ${name}="${resolve(value, pageUrl)}"`) : tag;
    i = end;
  }
  return out + html.slice(i);
}

/** Index just past the `>` that ends the tag at `start`, skipping quoted attribute values. */
function tagEnd(html: string, start: number): number {
  if (html.startsWith('<!--', start)) {
    const close = html.indexOf('-->', start);
    return close < 0 ? html.length : close + 3;
  }
  let quoted = false;
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (c === '"') quoted = !quoted;
    else if (c === '>' && !quoted) return i + 1;
  }
  return html.length;
}

function resolve(value: string, pageUrl: string): string {
  const decoded = value.replace(/&#x26;|&amp;/g, '&');
  try {
    return new URL(decoded, pageUrl).href.replace(/&/g, '&#x26;').replace(/"/g, '&#x22;');
  } catch {
    return value;
  }
}
