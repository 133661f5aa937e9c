/**
 * A converted post is kept as lines that remember the line of the Hexo file they came from, so
 * every note in the report can name the place in both files however many lines a step adds.
 */
export interface Line {
  text: string;
  /** 1-based line in the Hexo source file. */
  from: number;
  /** Inside `{% raw %}` or converted code: later steps leave it alone. */
  raw?: boolean;
}

export function toLines(text: string, firstLine: number): Line[] {
  return text.split('\n').map((t, i) => ({ text: t, from: firstLine + i }));
}

const FENCE = /^((?:\s*>)*\s*)(`{3,}|~{3,})(.*)$/;

/**
 * Which lines belong to fenced code (the fences included), following CommonMark's rule that a
 * fence closes with the same character, at least as long, and nothing after it. Nothing inside
 * is converted: a post about Hexo may show `{% note %}` in a code block.
 */
export function fencedLines(lines: Line[]): boolean[] {
  const inside: boolean[] = [];
  let open: { char: string; length: number } | undefined;
  for (const line of lines) {
    const m = FENCE.exec(line.text);
    if (open) {
      inside.push(true);
      if (m && m[2]![0] === open.char && m[2]!.length >= open.length && m[3]!.trim() === '') open = undefined;
    } else if (m && !(m[2]![0] === '`' && m[3]!.includes('`'))) {
      inside.push(true);
      open = { char: m[2]![0]!, length: m[2]!.length };
    } else inside.push(false);
  }
  return inside;
}

/** Stretches of one line that are not inline code (`` `x` ``), as [start, end) offsets. */
export function outsideInlineCode(text: string): [number, number][] {
  const parts: [number, number][] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '`' && text[i - 1] !== '\\') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const ticks = '`'.repeat(n);
      let close = text.indexOf(ticks, i + n);
      // A closing run must be exactly as long.
      while (close >= 0 && text[close + n] === '`') close = text.indexOf(ticks, close + n + 1);
      if (close < 0) {
        i += n;
        continue;
      }
      parts.push([start, i]);
      i = close + n;
      start = i;
      continue;
    }
    i++;
  }
  parts.push([start, text.length]);
  return parts.filter(([a, b]) => b > a);
}

/** The container markers a line starts with (`> `, list indentation), and what continues them. */
export function containerPrefix(text: string, listMarkers = true): { prefix: string; continuation: string } {
  const m = (listMarkers ? /^((?:\s*>\s?)*)(\s*(?:[-*+]|\d+[.)])\s+)?(\s*)/ : /^((?:\s*>\s?)*)()(\s*)/).exec(text)!;
  const quote = m[1] ?? '';
  const marker = m[2] ?? '';
  const indent = m[3] ?? '';
  return { prefix: quote + marker + indent, continuation: quote + ' '.repeat(marker.length) + indent };
}

/** `text` with `fn` applied to every stretch outside inline code; code spans are kept as written. */
export function mapOutsideCode(text: string, fn: (part: string) => string): string {
  let out = '';
  let at = 0;
  for (const [a, b] of outsideInlineCode(text)) {
    out += text.slice(at, a) + fn(text.slice(a, b));
    at = b;
  }
  return out + text.slice(at);
}
