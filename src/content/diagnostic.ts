/** A problem in an author's content, always tied to a place in a file. */
export interface Diagnostic {
  /** Path as shown to the author (relative to the working directory). */
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** Stable identifier, e.g. `frontmatter/unknown-field`, for tests and filtering. */
  rule: string;
}

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
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, '  ');
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(width)} | ${truncate(text, 160)}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.min(column - 1, 160))}^`);
  }
  return out.join('\n');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
