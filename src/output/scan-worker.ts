// Worker entry: reads pages for the link check (see OwnLinks in check.ts) while the build's
// main thread goes on rendering and writing the next ones.
import { scanPage, type PageInfo } from './check.ts';

export default function scan(pages: { file: string; markup: string }[]): [string, PageInfo][] {
  return pages.map(({ file, markup }) => [file, scanPage(markup)]);
}
