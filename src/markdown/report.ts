import type { Element } from 'hast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';

/** Where every Folio message comes from; `toDiagnostics` turns these into diagnostics. */
export const MESSAGE_SOURCE = 'folio';

/**
 * Reports a problem in the author's text at its place, the unified way (`file.message`).
 * `rule` is the diagnostic's stable id (`html/removed`); an `error` fails the build.
 */
export function report(file: VFile, place: Point | Position | undefined, reason: string, rule: string, severity: 'error' | 'warning' = 'warning'): void {
  const message = file.message(reason, { ...(place ? { place } : {}), ruleId: rule, source: MESSAGE_SOURCE });
  // `fatal: true` is unified's "error" without throwing (file.fail would stop the whole run).
  message.fatal = severity === 'error';
}

/**
 * The one place where unified messages become Folio diagnostics: every `file.message` of a
 * plugin, Folio's own or the site's (remark-lint, …), at its file:line:col, so `--strict` sees
 * a plugin's warning. Read from the message's fields (source, ruleId, place, ancestors), never
 * from its text. `fatal: true` (and `file.fail`) is an error; `file.info` (fatal unset) is not a
 * problem and is left out.
 */
export function toDiagnostic(message: VFile['messages'][number], displayPath: string): Diagnostic | undefined {
  if (message.fatal !== true && message.fatal !== false) return undefined;
  const severity = message.fatal ? 'error' : 'warning';
  const line = message.line ?? 1;
  const column = message.column ?? 1;
  if (message.source === MESSAGE_SOURCE && message.ruleId) return diagnostic(displayPath, line, column, message.reason, message.ruleId, severity);
  if (message.source === 'rehype-highlight' && message.ruleId === 'missing-language') {
    return diagnostic(displayPath, line, column, `unknown code language "${languageOf(message.ancestors?.at(-1))}": the block is shown without highlighting`, 'code/unknown-language', 'warning');
  }
  // Another plugin's message, as it wrote it, with its name so the author knows whose it is.
  const source = message.source ?? 'plugin';
  const rule = message.ruleId ? `${source}:${message.ruleId}` : source;
  return diagnostic(displayPath, line, column, `${message.reason} (${rule})`, `plugin/${rule}`, severity);
}

/** `foo` from the `language-foo` class rehype-highlight gives a `<code>`. */
function languageOf(node: unknown): string {
  const className = (node as Element | undefined)?.properties?.className;
  const found = Array.isArray(className) ? className.find((c) => typeof c === 'string' && c.startsWith('language-')) : undefined;
  return typeof found === 'string' ? found.slice('language-'.length) : '?';
}
