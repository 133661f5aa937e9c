// Worker entry: reads, decodes and parses content files for `loadContentParallel` while its
// main thread does the same with others.
import { readSources } from './load.ts';

export default readSources;
