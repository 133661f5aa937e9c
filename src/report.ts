import type { BuildResult } from './build.ts';
import { formatDiagnostic } from './content/diagnostic.ts';
import { STAGES, type StageTimes } from './timing.ts';

/** What `folio build` prints for people: progress, diagnostics, the summary. Pure text. */

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** A progress line redraws itself, so it is only for a terminal a person watches, not CI logs. */
export function useProgress(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, quiet: boolean): boolean {
  return Boolean(stream.isTTY) && !quiet && !env.CI;
}

export function progressLine(done: number, total: number): string {
  return `\rrendering ${done}/${total}`;
}

/** Erases the progress line before anything else is printed. */
export const CLEAR_LINE = '\r\u001b[K';

export function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  return `${n} ${word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`);

/** The last line of every run, `--quiet` aside. */
export function summary(result: Pick<BuildResult, 'ok' | 'stats' | 'diagnostics'>, outDir: string): string {
  const s = result.stats;
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  const problems = [errors ? plural(errors, 'error') : '', warnings ? plural(warnings, 'warning') : ''].filter(Boolean).join(', ');
  if (!result.ok) return `build failed${problems ? ` with ${problems}` : ''} in ${seconds(s.ms)}; ${outDir} was left as it was`;
  const counts = `${plural(s.posts, 'post')}, ${plural(s.pages, 'page')}, ${plural(s.tags, 'tag')}, ${plural(s.categories, 'category')}`;
  const tail = warnings ? `, ${plural(warnings, 'warning')}` : '';
  if (s.upToDate) return `nothing changed: ${outDir} is up to date (${counts}) in ${seconds(s.ms)}${tail}`;
  const documents = s.cached + s.rendered;
  return `built ${counts} into ${outDir} in ${seconds(s.ms)} (${plural(s.files, 'file')}; ${s.cached} of ${plural(documents, 'document')} from the cache)${tail}`;
}

/** `--verbose`: where the time went, stage by stage, in pipeline order. */
export function stageTimes(stages: StageTimes): string {
  const parts = STAGES.filter((s) => stages[s] !== undefined).map((s) => `${s} ${seconds(stages[s]!)}`);
  return `stages: ${parts.join(' · ')}`;
}

export interface DiagnosticsOptions {
  verbose: boolean;
  quiet: boolean;
  color: boolean;
}

/**
 * Errors always, with a code frame; warnings unless `--quiet`, with a code frame under
 * `--verbose`. Empty when there is nothing to say.
 */
export function diagnosticsText(result: Pick<BuildResult, 'diagnostics' | 'sources'>, options: DiagnosticsOptions): string {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const warnings = options.quiet ? [] : result.diagnostics.filter((d) => d.severity === 'warning');
  const lines: string[] = [];
  for (const d of errors) lines.push(`${formatDiagnostic(d, result.sources.get(d.file), options.color)}\n`);
  for (const d of warnings) {
    if (options.verbose) lines.push(`${formatDiagnostic(d, result.sources.get(d.file), options.color)}\n`);
    else lines.push(formatDiagnostic(d, undefined, options.color));
  }
  if (warnings.length > 0 && !options.verbose && warnings.some((d) => result.sources.has(d.file))) lines.push('(folio build --verbose shows the source lines)');
  return lines.length ? `${lines.join('\n')}\n` : '';
}
