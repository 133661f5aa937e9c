import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';

/**
 * Guards against pathologically deep documents. The Markdown and HTML tree tools we use recurse
 * once per level, so 10,000 nested blockquotes overflow the stack, and deep containers also make
 * the parser slow. No real post nests anywhere near this deep.
 */
export const MAX_LINE_NESTING = 64;

/** Where a run of blockquote and list markers at the start of a line ends, and where each begins. */
function containerMarkers(line: string): { starts: number[]; end: number } {
  const starts: number[] = [];
  let i = 0;
  for (;;) {
    const before = i;
    while (line[i] === ' ' || line[i] === '\t') i++;
    // Four or more columns of indentation start indented code, not another container.
    if (i - before > (starts.length === 0 ? 3 : 4)) return { starts, end: before };
    const c = line[i];
    if (c === '>') {
      starts.push(i);
      i++;
      continue;
    }
    if ((c === '-' || c === '+' || c === '*') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
      starts.push(i);
      i += 2;
      continue;
    }
    const ordered = /^\d{1,9}[.)][ \t]/.exec(line.slice(i, i + 12));
    if (ordered) {
      starts.push(i);
      i += ordered[0].length;
      continue;
    }
    return { starts, end: i };
  }
}

/**
 * Drops the blockquote and list markers beyond `max` at the start of any line (`> > > …`), so the
 * rest of the line renders at depth `max`; one warning per document, at the first such line.
 */
export function limitLineNesting(body: string, file: string, max = MAX_LINE_NESTING): { body: string; diagnostics: Diagnostic[] } {
  const lines = body.split('\n');
  let first: Diagnostic | undefined;
  let fence: string | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    // Cheap test first: a line needs more than `max` marker characters to be too deep.
    if (line.length <= max && fence === undefined && !line.includes('`') && !line.includes('~')) continue;
    const { starts, end } = containerMarkers(line);
    // Code is left exactly as written: track fenced blocks (inside quotes and lists too).
    const opener = /^(`{3,}|~{3,})/.exec(line.slice(end))?.[1];
    if (fence === undefined && opener) fence = opener;
    else if (fence !== undefined && opener && opener[0] === fence[0] && opener.length >= fence.length && line.slice(end + opener.length).trim() === '') fence = undefined;
    if (fence !== undefined || opener || starts.length <= max) continue;
    first ??= diagnostic(
      file,
      n + 1,
      starts[max]! + 1,
      `blockquotes or lists nested ${starts.length} levels deep; only ${max} are kept, the deeper markers are ignored`,
      'markdown/too-deep',
      'warning',
    );
    lines[n] = line.slice(0, starts[max]!) + line.slice(end);
  }
  return first ? { body: lines.join('\n'), diagnostics: [first] } : { body, diagnostics: [] };
}

export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The error for a document too deep to render (deep raw HTML, emphasis, lists by indentation),
 * at the line that nests deepest: where the author should look.
 */
export function tooDeep(body: string, file: string): Diagnostic {
  const lines = body.split('\n');
  let best = { line: 1, column: 1, depth: -1 };
  let html = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const markers = containerMarkers(line);
    const indent = /^[ \t]*/.exec(line)![0].length / 2;
    const run = Math.max(0, ...Array.from(line.matchAll(/[*_[({<>]+/g), (m) => m[0].length).slice(0, 1000));
    // Raw HTML: open tags minus closing tags so far.
    let htmlAt = -1;
    for (const m of line.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
      if (m[1]) html--;
      else if (!m[3]) html++;
      if (html > best.depth && htmlAt < 0) htmlAt = m.index;
    }
    const depth = Math.max(markers.starts.length, indent, run, html);
    if (depth > best.depth) best = { line: n + 1, column: (htmlAt >= 0 && depth === html ? htmlAt : 0) + 1, depth };
  }
  return diagnostic(
    file,
    best.line,
    best.column,
    'this document nests too deeply to render (thousands of levels of quotes, lists, emphasis or HTML elements); flatten it',
    'markdown/too-deep',
  );
}
