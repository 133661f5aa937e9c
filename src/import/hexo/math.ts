import { containerPrefix, fencedLines, mapOutsideCode, outsideInlineCode, type Line } from './lines.ts';
import type { ImportLog } from './log.ts';

/** Offsets of `$$` on a line, outside inline code and not escaped. */
function delimiters(text: string): number[] {
  const found: number[] = [];
  for (const [a, b] of outsideInlineCode(text)) {
    for (let i = text.indexOf('$$', a); i >= 0 && i + 2 <= b; i = text.indexOf('$$', i + 2)) {
      if (text[i - 1] !== '\\') found.push(i);
    }
  }
  return found;
}

/** Markdown's backslash escapes of ASCII punctuation, as a Markdown-first renderer read them. */
export function unescapeMarkdown(tex: string): string {
  return tex.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Signs that TeX was written for a renderer that ran Markdown over it first (marked, kramed). */
const ESCAPED = /\\\\\\\\|\\_|\\\*/;

const INLINE = /(?<![\\$])\$(?=\S)([^$\n]*?[^\s\\])\$(?!\$)/g;

/**
 * Display math as Folio reads it: every `$$` on a line of its own (TeX and text that shared its
 * line move to lines of their own, inside the same list item or quote). When the post's TeX was
 * written with Markdown escapes (`\\\\` rows, `\_`), they are undone inside math, so the formula
 * reads as it did on the Hexo blog. An unclosed `$$` leaves the post's math as it was.
 */
export function convertMath(lines: Line[], file: string, log: ImportLog): Line[] {
  const fenced = fencedLines(lines);
  // Pair the delimiters first: with one left open, nothing is moved.
  let openAt: Line | undefined;
  lines.forEach((l, i) => {
    if (fenced[i]) return;
    for (const _ of delimiters(l.text)) openAt = openAt ? undefined : l;
  });
  if (openAt) {
    log.change('left in place');
    log.needs(file, openAt.from, '`$$` opened here is never closed; the math of this post was left as it was');
    return lines;
  }
  const out: Line[] = [];
  let inside = false;
  // The list indentation a formula opened by this step must keep: its TeX lines, written less
  // indented in the Hexo post, would otherwise end the list item and cut the formula.
  let block: string | undefined;
  const texLines = new Set<Line>();
  lines.forEach((line, i) => {
    if (fenced[i]) return out.push(line);
    const at = delimiters(line.text);
    if (at.length === 0) {
      const l = { ...line };
      if (inside && block && !l.text.startsWith(block) && l.text.trim() !== '') l.text = block + l.text.trimStart();
      if (inside) texLines.add(l);
      return out.push(l);
    }
    if (at.length === 1 && line.text.trim().replace(/^(>\s*)+/, '') === '$$') {
      // A closing `$$` of a formula this step opened keeps the formula's indentation.
      const closing = inside && block !== undefined && !line.text.startsWith(block) ? { ...line, text: block + line.text.trimStart() } : line;
      inside = !inside;
      block = undefined;
      return out.push(closing);
    }
    // Inside a formula, `+ x` is TeX, not a list item.
    const container = containerPrefix(line.text, !inside);
    const prefix = inside && block !== undefined ? block : container.prefix;
    const continuation = inside && block !== undefined ? block : container.continuation;
    let first = true;
    const emit = (text: string, tex: boolean) => {
      const l = { ...line, text: `${first ? prefix : continuation}${text}` };
      first = false;
      if (tex) texLines.add(l);
      out.push(l);
    };
    let from = inside && block !== undefined ? line.text.length - line.text.trimStart().length : container.prefix.length;
    for (const d of at) {
      const piece = line.text.slice(Math.max(from, 0), d).trim();
      if (piece) emit(piece, inside);
      // A paragraph does not end for a `$$` line: leave a blank line after text.
      if (!inside && piece) out.push({ ...line, text: continuation.trimEnd() });
      emit('$$', false);
      inside = !inside;
      if (inside && /^\s+$/.test(continuation)) block = continuation;
      else if (!inside) block = undefined;
      from = d + 2;
    }
    const rest = line.text.slice(from).trim();
    if (rest) emit(rest, inside);
    log.change('math: $$ moved onto its own line');
  });
  // MathJax's `\(…\)`, written `\\(…\\)` so that a Markdown-first renderer leaves one backslash.
  let parens = 0;
  const fencedNow = fencedLines(out);
  out.forEach((l, i) => {
    if (fencedNow[i] || texLines.has(l)) return;
    const text = mapOutsideCode(l.text, (part) => part.replace(/\\\\\((.+?)\\\\\)/g, (_, tex: string) => (parens++, `$${unescapeMarkdown(tex.trim())}$`)));
    if (text !== l.text) out[i] = { ...l, text };
  });
  if (parens > 0) log.change('math: \\\\( \\\\) → $ $', parens);
  const escaped = [...texLines].some((l) => ESCAPED.test(l.text)) || out.some((l) => [...l.text.matchAll(INLINE)].some((m) => ESCAPED.test(m[1]!)));
  if (!escaped) return out;
  let count = 0;
  const fencedOut = fencedLines(out);
  const result = out.map((l, i) => {
    if (fencedOut[i]) return l;
    let text = l.text;
    if (texLines.has(l)) text = unescapeMarkdown(text);
    else {
      text = mapOutsideCode(text, (part) => part.replace(INLINE, (_, tex: string) => `$${unescapeMarkdown(tex)}$`));
    }
    if (text !== l.text) count++;
    return text === l.text ? l : { ...l, text };
  });
  if (count > 0) {
    log.change('math: Markdown escapes undone', count);
    log.check(file, result.find((l, i) => l.text !== out[i]!.text)!.from, `TeX written with Markdown escapes (\\\\\\\\, \\_) was unescaped on ${count} line${count === 1 ? '' : 's'}; check the formulas render as before`);
  }
  return result;
}
