// Worker entry when Folio runs from its TypeScript sources (see src/ts-worker.mjs).
import { load } from '../ts-worker.mjs';

export default await load(new URL('./load-worker.ts', import.meta.url));
