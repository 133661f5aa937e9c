// What a search result shows: the words to highlight, an excerpt cut at sentence boundaries
// without the title, and the order of results (titles that hold the query first). Plain
// functions of strings, so they are tested without a browser.

/** A piece of an excerpt: plain text, or text to highlight. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Longest excerpt before it is cut at a clause boundary, in characters. */
const MAX_EXCERPT = 110;
const WORD_SEGMENTER = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;

/**
 * The strings to highlight: the query's own terms (split at spaces), and for a term that does
 * not occur as written, its words of two or more characters. Single Han characters are never
 * highlighted alone, so `掩码` marks `掩码` and never the `码` of `编码`.
 */
export function highlightTerms(query: string, text: string): string[] {
  const lower = text.toLowerCase();
  const terms = new Set<string>();
  for (const term of query.toLowerCase().split(/\s+/).filter((t) => t !== '')) {
    if (lower.includes(term)) {
      terms.add(term);
      continue;
    }
    for (const word of words(term)) if ([...word].length >= 2 && lower.includes(word)) terms.add(word);
  }
  // Longest first, so that a term inside a longer one does not split it.
  return [...terms].sort((a, b) => b.length - a.length);
}

function words(term: string): string[] {
  if (!WORD_SEGMENTER) return [term];
  return [...WORD_SEGMENTER.segment(term)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Pagefind's content: words joined by zero-width spaces, the title first, blocks ended by `. `. */
export function plainContent(rawContent: string, title: string): string {
  let text = rawContent.replace(/\u200B/g, '');
  if (title && text.startsWith(title)) text = text.slice(title.length).replace(/^[.\s]+/, '');
  return text;
}

interface Sentence {
  text: string;
  /** A block that ended without punctuation (a heading, a list item): Pagefind added a period. */
  block: boolean;
}

/**
 * Sentences of the text: after 。！？；!?, and at the `. ` Pagefind puts after a block that ends
 * without punctuation (that period is not the author's, so it is dropped).
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (piece: string) => {
    let t = piece.trim();
    if (t === '') return;
    // A period right after a Han character or closing punctuation is Pagefind's block end.
    const block = /[\p{Script=Han}\p{Pe}\p{Pf}：:]\.$/u.test(t);
    if (block) t = t.slice(0, -1);
    out.push({ text: t, block });
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    let end = -1;
    if (ENDS.includes(c)) {
      end = i + 1;
      while (end < text.length && TRAILING.includes(text[end]!)) end++;
    } else if (c === '.' && i > 0 && !/[\s.\d]/.test(text[i - 1]!) && (i + 1 === text.length || /\s/.test(text[i + 1]!))) {
      end = i + 1;
    }
    if (end < 0) continue;
    push(text.slice(start, end));
    start = end;
    i = end - 1;
  }
  push(text.slice(start));
  return out;
}

const ENDS = '。！？；!?';
const TRAILING = '。！？；!?”’」』）)';

/**
 * The excerpt: the first sentence holding a highlighted term (else the first sentence), with the
 * sentences after it in the same block while they fit. A heading holding the term is followed by
 * its first sentence. A sentence too long on its own is cut at a clause boundary around the term.
 */
export function excerpt(text: string, terms: readonly string[], max = MAX_EXCERPT): ExcerptPart[] {
  const all = sentences(text);
  if (all.length === 0) return [];
  const has = (s: Sentence) => terms.some((t) => s.text.toLowerCase().includes(t));
  let at = all.findIndex(has);
  if (at < 0) at = 0;
  let out = all[at]!.text;
  let i = at;
  // A heading reads as a lead-in to the sentence under it.
  if (all[at]!.block && all[at + 1]) {
    out += `：${all[at + 1]!.text}`;
    i++;
  }
  while (!all[i]!.block && all[i + 1] && !all[i + 1]!.block && [...out].length + [...all[i + 1]!.text].length <= max) {
    out += joiner(out) + all[i + 1]!.text;
    i++;
  }
  return mark(clip(out, terms, max), terms);
}

/** No space after Chinese punctuation; one space after Latin. */
function joiner(before: string): string {
  return /[\p{Script=Han}。！？；”」）]$/u.test(before) ? '' : ' ';
}

/** Cuts a long sentence to about `max` characters at clause boundaries (，、：；), around the first term. */
function clip(text: string, terms: readonly string[], max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const lower = text.toLowerCase();
  const hit = Math.min(...terms.map((t) => lower.indexOf(t)).filter((n) => n >= 0), Infinity);
  const hitChar = hit === Infinity ? 0 : [...text.slice(0, hit)].length;
  let start = 0;
  if (hitChar > max / 2) {
    // Start after the last clause boundary at least a little before the term.
    for (let k = Math.max(0, hitChar - 20); k > 0; k--) {
      if ('，、：；,;:'.includes(chars[k - 1]!)) {
        start = k;
        break;
      }
    }
    if (start === 0) start = Math.max(0, hitChar - 20);
  }
  let end = Math.min(chars.length, start + max);
  for (let k = end; k > start + max / 2; k--) {
    if ('，、：；,;:'.includes(chars[k - 1]!)) {
      end = k - 1;
      break;
    }
  }
  return `${start > 0 ? '…' : ''}${chars.slice(start, end).join('').trim()}${end < chars.length ? '…' : ''}`;
}

/** Splits text into parts, marking each occurrence of a term (case-insensitive). */
export function mark(text: string, terms: readonly string[]): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const lower = text.toLowerCase();
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const term = terms.find((t) => t !== '' && lower.startsWith(t, i));
    if (!term) {
      i++;
      continue;
    }
    if (i > plainFrom) parts.push({ text: text.slice(plainFrom, i), mark: false });
    parts.push({ text: text.slice(i, i + term.length), mark: true });
    i += term.length;
    plainFrom = i;
  }
  if (plainFrom < text.length) parts.push({ text: text.slice(plainFrom), mark: false });
  return parts;
}

/**
 * How well a title answers the query: 0 when it holds the whole query (or every term), 1 when it
 * holds some of it, 2 otherwise. Results are shown by this, then by how much of the title the
 * query is, then in Pagefind's order.
 */
export function titleRank(query: string, title: string): [tier: number, share: number] {
  const t = title.toLowerCase().replace(/\s+/g, '');
  const q = query.toLowerCase();
  const terms = q.split(/\s+/).filter((x) => x !== '');
  if (terms.length === 0) return [2, 0];
  const whole = q.replace(/\s+/g, '');
  if (t.includes(whole) || terms.every((x) => t.includes(x))) return [0, [...whole].length / Math.max(1, [...t].length)];
  const parts = terms.flatMap((x) => words(x)).filter((w) => [...w].length >= 2 || /^[a-z0-9]+$/.test(w));
  if (parts.some((w) => t.includes(w))) return [1, 0];
  return [2, 0];
}

/** Stable order: title tier, then the query's share of the title (larger first), then as given. */
export function rankByTitle<T>(query: string, items: readonly T[], titleOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, rank: titleRank(query, titleOf(item)) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || b.rank[1] - a.rank[1] || a.index - b.index)
    .map((r) => r.item);
}
