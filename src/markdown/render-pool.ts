import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { workerFile } from '../paths.ts';
import type { MarkdownLabels } from './labels.ts';
import type { SiteConfigSource } from './site-config.ts';
import type { MathOptions } from './math.ts';
import { createProcessor, type SitePlugins } from './processor.ts';
import { renderDocuments, type RenderInput, type Rendered } from './render.ts';

export interface RenderManyOptions {
  math: MathOptions;
  /** Text written into posts in the site's language (the workers get it as their workerData). */
  labels?: MarkdownLabels;
  /** The site's Markdown plugins, from its config (`sitePlugins`). */
  plugins?: SitePlugins;
  /**
   * Where worker threads load the same config from (plugins are functions: they cannot be sent
   * to a worker, so each worker loads the config itself). Without it, a site with plugins is
   * rendered on this thread only.
   */
  siteConfig?: SiteConfigSource;

  /** Worker threads; 0 renders on this thread. Default: cores − 1 (the main thread works too). */
  threads?: number;
  /** Below this many documents, starting workers costs more than it saves. */
  minParallel?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each result as it arrives; what it returns is kept instead (e.g. the same
   * render with its HTML moved to disk), so results need not all sit in memory at once.
   */
  onResult?: (index: number, rendered: Rendered) => Rendered;
}

const BATCH = 16;

/** The lookups every document of a build shares (see `renderMany`). */
export type SharedInputs = Pick<RenderInput, 'docPaths' | 'wikiIndex'>;

/** What each render worker is started with. */
export interface RenderWorkerData {
  labels: MarkdownLabels | undefined;
  /** When given, a task's inputs come without these fields and take them from here. */
  shared: SharedInputs | undefined;
}

/** A task for a render worker: plain data only (see render-worker.ts). */
export interface RenderTask {
  siteConfig?: SiteConfigSource;
  inputs: (RenderInput | Omit<RenderInput, keyof SharedInputs>)[];
}


/**
 * Renders documents, in parallel across cores when there are enough of them. Output order and
 * bytes do not depend on how the work was split: each document is rendered on its own.
 */
export async function renderMany(inputs: RenderInput[], options: RenderManyOptions): Promise<Rendered[]> {
  const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
  const results: Rendered[] = new Array(inputs.length);
  const keep = (i: number, r: Rendered) => (options.onResult ? options.onResult(i, r) : r);
  let done = 0;
  const report = (n: number) => {
    done += n;
    options.onProgress?.(done, inputs.length);
  };
  const plugins = options.plugins ?? { remark: [], rehype: [] };
  const hasPlugins = plugins.remark.length + plugins.rehype.length > 0;
  const processor = createProcessor({ math: options.math, plugins, ...(options.labels ? { labels: options.labels } : {}) });
  if (threads === 0 || inputs.length < (options.minParallel ?? 48) || (hasPlugins && !options.siteConfig)) {
    // One by one, so progress moves with every document (a small site, mostly).
    inputs.forEach((input, i) => {
      results[i] = keep(i, renderDocuments(processor, [input])[0]!);
      report(1);
    });
    return results;
  }
  // Every document of a build is given the same site-wide lookups (paths, wikilink index): they
  // go to each worker once, with its workerData, instead of being copied with every batch.
  const first = inputs[0]!;
  const shared: SharedInputs | undefined = inputs.every((i) => i.docPaths === first.docPaths && i.wikiIndex === first.wikiIndex)
    ? { docPaths: first.docPaths, ...(first.wikiIndex ? { wikiIndex: first.wikiIndex } : {}) }
    : undefined;
  const pool = new Tinypool({
    filename: workerFile('render-worker'),
    minThreads: threads,
    maxThreads: threads,
    workerData: { labels: options.labels, shared } satisfies RenderWorkerData,
  });
  // The main thread renders too, taking batches from the same queue, so a 2-core machine uses
  // both cores while one worker starts up.
  let next = 0;
  const take = (): [number, RenderInput[]] | undefined => {
    if (next >= inputs.length) return undefined;
    const start = next;
    next = Math.min(inputs.length, next + BATCH);
    return [start, inputs.slice(start, next)];
  };
  const worker = async () => {
    for (let job = take(); job; job = take()) {
      const [start, batch] = job;
      const task: RenderTask = {
        ...(hasPlugins && options.siteConfig ? { siteConfig: options.siteConfig } : {}),
        inputs: shared ? batch.map(({ docPaths: _paths, wikiIndex: _index, ...own }) => own) : batch,
      };
      const out = (await pool.run(task)) as Rendered[];
      out.forEach((r, k) => (results[start + k] = keep(start + k, r)));
      report(batch.length);
    }
  };
  const local = async () => {
    for (let job = take(); job; job = take()) {
      const [start, batch] = job;
      renderDocuments(processor, batch).forEach((r, k) => (results[start + k] = keep(start + k, r)));
      report(batch.length);
      // Yield so that worker results are collected and workers are fed promptly.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  try {
    await Promise.all([...Array.from({ length: threads }, worker), local()]);
  } finally {
    await pool.destroy();
  }
  return results;
}
