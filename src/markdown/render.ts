import { VFile } from 'vfile';
import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';
import type { AssetRef, OutLink, RenderData, TocEntry, WikiIndex } from './file-data.ts';
import { isStackOverflow, limitLineNesting, tooDeep } from './nesting.ts';
import { readingMinutes } from './plain-text.ts';
import type { Processor } from './processor.ts';
import { toDiagnostic } from './report.ts';
import { mapWithin, RENDER_TIME_LIMIT_MS } from './time-limit.ts';

/** Everything rendering needs about one document: plain data, so it can cross to a worker. */
export interface RenderInput {
  rel: string;
  displayPath: string;
  body: string;
  sitePath: string;
  docPaths: Readonly<Record<string, string>>;
  /** Slug/title lookup for `[[wikilinks]]` (buildWikiIndex). */
  wikiIndex?: WikiIndex;
  contentDir: string;
  base: string;
}

/** The result of rendering one document: plain data. */
export interface Rendered {
  html: string;
  toc: TocEntry[];
  headingIds: string[];
  text: string;
  excerpt: string;
  readingMinutes: number;
  hasMath: boolean;
  hasCode: boolean;
  links: OutLink[];
  assets: AssetRef[];
  diagnostics: Diagnostic[];
  /** See `RenderData.deps`. */
  deps: Record<string, string>;
  /** Digest of the render's input (set by the build, not stored): equal keys, equal output. */
  key?: string;
}

/** One document while it renders: the data its plugins fill in and its file. */
interface Attempt {
  input: RenderInput;
  data: RenderData;
  file: VFile;
  body: string;
}

export function renderDocument(processor: Processor, input: RenderInput, timeLimitMs = RENDER_TIME_LIMIT_MS): Rendered {
  return renderDocuments(processor, [input], timeLimitMs)[0]!;
}

/**
 * Renders documents one after another, each with `timeLimitMs` of its own (see `mapWithin`:
 * the batch shares one watchdog, which is what makes the limit cheap enough to keep on).
 */
export function renderDocuments(processor: Processor, inputs: readonly RenderInput[], timeLimitMs = RENDER_TIME_LIMIT_MS): Rendered[] {
  let current: Attempt | undefined;
  return mapWithin(
    inputs,
    (input) => {
      current = begin(input);
      return finish(current, run(processor, current));
    },
    timeLimitMs,
    (input, error) => {
      // The stopped attempt, with whatever its plugins reported before the limit.
      const attempt = current?.input === input ? current : begin(input);
      attempt.data.diagnostics.push(
        diagnostic(input.displayPath, 1, 1, `rendering this document ${error.message} and was stopped; look for a huge table, formula or macro, or split the post`, 'render/timeout'),
      );
      return finish(attempt, '');
    },
  );
}

function begin(input: RenderInput): Attempt {
  const data: RenderData = {
    rel: input.rel,
    displayPath: input.displayPath,
    sitePath: input.sitePath,
    docPaths: input.docPaths,
    ...(input.wikiIndex ? { wikiIndex: input.wikiIndex } : {}),
    contentDir: input.contentDir,
    base: input.base,
    diagnostics: [],
    toc: [],
    headingIds: [],
    links: [],
    assets: [],
    excerpt: '',
    deps: {},
    hasMath: false,
    hasCode: false,
  };
  const limited = limitLineNesting(input.body, input.displayPath);
  data.diagnostics.push(...limited.diagnostics);
  const file = new VFile({ value: limited.body, path: input.displayPath, data: { folio: data } });
  return { input, data, file, body: limited.body };
}

/** The document's HTML, or '' with a diagnostic when it cannot be rendered (the time limit aside). */
function run(processor: Processor, { input, data, file, body }: Attempt): string {
  try {
    return String(processor.processSync(file));
  } catch (error) {
    if (isStackOverflow(error)) {
      // Deep trees overflow the recursive tree tools: a positioned content error, not a crash.
      data.diagnostics.push(tooDeep(body, input.displayPath));
    } else if (!file.messages.some((m) => m === error && m.fatal === true)) {
      // A plugin that throws instead of calling `file.fail` (often a site's own): an error in this
      // document, so the build fails with its name, not with a stack trace; the others go on.
      const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      data.diagnostics.push(diagnostic(input.displayPath, 1, 1, `a Markdown plugin failed on this document: ${reason}`, 'render/plugin-error'));
    }
    // Else `file.fail` in a plugin: an error in this document at its place (below); the build goes on.
    return '';
  }
}

function finish({ input, data, file }: Attempt, html: string): Rendered {
  for (const message of file.messages) {
    const d = toDiagnostic(message, input.displayPath);
    if (d) data.diagnostics.push(d);
  }
  const text = file.data.plainText ?? '';
  return {
    html,
    toc: data.toc,
    headingIds: data.headingIds,
    text,
    excerpt: data.excerpt,
    readingMinutes: readingMinutes(text),
    hasMath: data.hasMath,
    hasCode: data.hasCode,
    links: data.links,
    assets: data.assets,
    diagnostics: data.diagnostics,
    deps: data.deps,
  };
}
