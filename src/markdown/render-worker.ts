// Worker entry: one processor per worker thread, reused for every document it renders.
import Tinypool from 'tinypool';
import type { MarkdownLabels } from './labels.ts';
import { createProcessor } from './processor.ts';
import { renderDocument, type RenderInput, type Rendered } from './render.ts';

const { labels } = (Tinypool.workerData ?? {}) as { labels?: MarkdownLabels };
const processor = createProcessor({ math: { failOn: 'error' }, ...(labels ? { labels } : {}) });

export default function render(inputs: RenderInput[]): Rendered[] {
  return inputs.map((input) => renderDocument(processor, input));
}
