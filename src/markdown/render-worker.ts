// Worker entry: one processor per worker thread, reused for every document it renders.
import { createProcessor } from './processor.ts';
import { renderDocument, type RenderInput, type Rendered } from './render.ts';

const processor = createProcessor({ math: { failOn: 'error' } });

export default function render(inputs: RenderInput[]): Rendered[] {
  return inputs.map((input) => renderDocument(processor, input));
}
