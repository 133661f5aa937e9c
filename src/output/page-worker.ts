// Worker entry: reads the pages a build writes (see PageReader) while its main thread goes on
// rendering and writing the next ones.
import { readPages } from './page-reader.ts';

export default readPages;
