import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

/** Where every Folio message comes from; render.ts turns these into diagnostics. */
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
