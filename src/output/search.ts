import path from 'node:path';
import { close, createIndex } from 'pagefind';
import { searchInput } from './search-input.ts';

/** One page to index: its site path (without the base) and its finished HTML. */
export interface SearchPage {
  /** `/posts/mae/`: stored without the base, which the browser adds (`baseUrl`). */
  url: string;
  html: string;
}

export interface SearchIndexOptions {
  /** The pages to index: post pages only, so lists, tags and nav never show up as results. */
  pages: SearchPage[];
  /** Output directory (the staging dir of a build); the bundle goes to `<outDir>/pagefind/`. */
  outDir: string;
}

export interface SearchIndexResult {
  pages: number;
  errors: string[];
  ms: number;
}

/**
 * Elements inside an indexed post that are not prose: KaTeX's glyph spans and MathML (they would
 * show as noise in excerpts) and the `#` anchors beside headings.
 */
const EXCLUDE_CLASSES = ['katex', 'heading-anchor'];

/**
 * The search stage: builds a Pagefind index of the given pages into `<outDir>/pagefind/`.
 * Pagefind's extended binary segments Chinese, and each page's language comes from its
 * `<html lang>`. What is indexed within a page is marked in the templates: the post title and
 * body carry `data-pagefind-body`, so header, nav, footer and asides are left out.
 *
 * The input is a plain list of pages so the stage can later index only changed posts or shard
 * by section without the rest of the build knowing.
 */
export async function buildSearchIndex(options: SearchIndexOptions): Promise<SearchIndexResult> {
  const started = performance.now();
  const { index, errors } = await createIndex({ excludeSelectors: EXCLUDE_CLASSES.map((c) => `.${c}`) });
  if (!index) return { pages: 0, errors: errors.length ? errors : ['Pagefind could not start'], ms: 0 };
  const all = [...errors];
  try {
    // Sorted so the bundle does not depend on the order posts arrive in.
    const pages = [...options.pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: searchInput(page.html, { excludeClasses: EXCLUDE_CLASSES }) });
      all.push(...added.errors.map((e) => `${page.url}: ${e}`));
    }
    const written = await index.writeFiles({ outputPath: path.join(options.outDir, 'pagefind') });
    all.push(...written.errors);
    return { pages: pages.length, errors: all, ms: Math.round(performance.now() - started) };
  } finally {
    await index.deleteIndex();
    await close();
  }
}
