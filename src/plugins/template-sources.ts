// The names of the built-in templates and where their sources are: data only, so that looking
// up a site's own templates (site-templates.ts) does not load the built-in ones.
import type { TemplateName } from '../config/types.ts';

/**
 * One built-in template: the function, and where `folio eject` finds its source (the function
 * and the file's helpers it uses, copied with it).
 */
export interface BuiltInTemplate {
  /** One line for `folio eject` without a name. */
  description: string;
  /** File under templates/ in the package. */
  file: string;
  /** The template's function in that file. */
  fn: string;
  /** Declarations of that file the function uses (functions and constants), copied after it. */
  helpers: string[];
}

/** Where each template's source is, for `folio eject`; in the order `folio eject` lists them. */
export const TEMPLATE_SOURCES: Record<TemplateName, BuiltInTemplate> = {
  layout: { description: 'the HTML document around every page: <head>, header, main, footer', file: 'layout.ts', fn: 'siteLayout', helpers: ['articleMeta', 'imageMeta', 'jsonLd', 'headElement'] },
  header: { description: 'site title, navigation, search box and theme switch', file: 'layout.ts', fn: 'header', helpers: ['icon', 'isCurrent'] },
  footer: { description: 'the line at the foot of every page', file: 'layout.ts', fn: 'footer', helpers: ['footerLine'] },
  home: { description: 'the home page: the latest posts, paginated', file: 'home.ts', fn: 'homePage', helpers: [] },
  post: { description: 'a post: title, meta, contents, body, asides, previous/next', file: 'post.ts', fn: 'postPage', helpers: ['toc', 'backToTop', 'neighbours'] },
  page: { description: 'a standalone page (content/pages/)', file: 'post.ts', fn: 'standalonePage', helpers: [] },
  list: { description: "one page of a tag's or category's posts", file: 'terms.ts', fn: 'termPage', helpers: ['titles'] },
  terms: { description: 'the index of all tags, categories or series', file: 'terms.ts', fn: 'termIndexPage', helpers: ['indexTitles', 'indexPaths', 'termCard', 'INDEX_LATEST'] },
  series: { description: "a series' own page, its parts in reading order", file: 'knowledge.ts', fn: 'seriesPage', helpers: [] },
  archives: { description: 'every post by year and month', file: 'archives.ts', fn: 'archivesPage', helpers: [] },
  search: { description: 'the search page', file: 'misc.ts', fn: 'searchPage', helpers: ['searchForm'] },
  notFound: { description: 'the 404 page', file: 'misc.ts', fn: 'notFoundPage', helpers: ['searchForm'] },
  redirect: { description: 'the page left at an old path (aliases)', file: 'redirect.ts', fn: 'redirectPage', helpers: [] },
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATE_SOURCES) as TemplateName[];
