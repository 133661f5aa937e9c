import type { BuildProblem } from '../config/types.ts';
/** A problem in an author's content, always tied to a place in a file: the package's `BuildProblem`. */
export type Diagnostic = BuildProblem;

export function diagnostic(
  file: string,
  line: number,
  column: number,
  message: string,
  rule: string,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { file, line: Math.max(1, line), column: Math.max(1, column), message, severity, rule };
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message);
}

/** `path:line:col: message`, then a few lines of source with a caret under the column. */
export function formatDiagnostic(d: Diagnostic, source?: string, color = false): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const label = d.severity === 'error' ? paint('31;1', 'error') : paint('33;1', 'warning');
  const head = `${paint('1', `${d.file}:${d.line}:${d.column}`)}: ${label}: ${d.message}`;
  if (source === undefined) return head;
  return `${head}\n${codeFrame(source, d.line, d.column)}`;
}

export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split('\n');
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  // Long lines (a Chinese paragraph is one line) are shown as a window around the column.
  const start = column > 80 ? column - 40 : 0;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${window(text, start, 100)}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(displayWidth(text.slice(start, column - 1)) + (start > 0 ? 1 : 0))}^`);
  }
  return out.join('\n');
}

function window(text: string, start: number, length: number): string {
  if (text.length <= start) return '';
  const body = text.slice(start, start + length);
  return `${start > 0 ? '…' : ''}${body}${text.length > start + length ? '…' : ''}`;
}

/** Terminal columns: CJK and other wide characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
