// Worker entry: one processor per worker thread, reused for every document it renders. A site
// with Markdown plugins sends where its config is; the worker loads it once (see site-config.ts).
import type { Processor } from './processor.ts';
import type { RenderTask, RenderWorkerData } from './render-pool.ts';
import { renderDocuments, type RenderInput, type Rendered } from './render.ts';
import { siteProcessor } from './site-config.ts';
import Tinypool from 'tinypool';

/** The site's language's labels and lookups, the same for every task (see render-pool.ts). */
const { labels, shared } = (Tinypool.workerData ?? {}) as Partial<RenderWorkerData>;

let ready: { source: string; processor: Promise<Processor> } | undefined;

export default async function render(task: RenderTask): Promise<Rendered[]> {
  const source = JSON.stringify(task.siteConfig ?? null);
  if (ready?.source !== source) ready = { source, processor: siteProcessor(task.siteConfig, { failOn: 'error' }, labels) };
  const processor = await ready.processor;
  const inputs = task.inputs.map((input) => (shared ? { ...shared, ...input } : input) as RenderInput);
  return renderDocuments(processor, inputs);
}
