import { archivesPage } from '../../templates/archives.ts';
import { homePage } from '../../templates/home.ts';
import { seriesPage } from '../../templates/knowledge.ts';
import { footer, header, siteLayout } from '../../templates/layout.ts';
import { notFoundPage, searchPage } from '../../templates/misc.ts';
import { postPage, standalonePage } from '../../templates/post.ts';
import { redirectPage } from '../../templates/redirect.ts';
import { termIndexPage, termPage } from '../../templates/terms.ts';
import type { Templates } from '../config/types.ts';

export { type BuiltInTemplate, TEMPLATE_NAMES, TEMPLATE_SOURCES } from './template-sources.ts';

/** The built-in templates: what `ctx.templates` holds where the site has no file of its own. */
export const BUILT_IN_TEMPLATES: Templates = {
  layout: siteLayout,
  header,
  footer,
  home: homePage,
  post: postPage,
  page: standalonePage,
  list: termPage,
  terms: termIndexPage,
  series: seriesPage,
  archives: archivesPage,
  search: searchPage,
  notFound: notFoundPage,
  redirect: redirectPage,
};
