import { backlinkIndex, type Backlink } from './backlinks.ts';
import type { Doc, Post, Site } from './model.ts';
import { relatedIndex, relatedPosts, type RelatedIndex } from './related.ts';
import { seriesNav, type SeriesNav } from './series.ts';

/** What a post page shows besides the post: where it sits among the other posts. */
export interface PostLinks {
  series?: SeriesNav;
  backlinks: Backlink[];
  related: Post[];
}

interface SiteIndexes {
  backlinks?: Map<string, Backlink[]>;
  related: RelatedIndex;
}

/**
 * The documents that may link to a document, without reading every document's links: it must
 * hold every document that does (more is fine). `folio dev` scans the sources for it, so that a
 * post page renders the few posts linking to it instead of the whole site.
 */
export type LinkingDocs = (rel: string) => readonly Doc[];

// Built on first use and kept per site value, so rendering one page (the dev server) costs one
// pass over the links and tags, not a pass per page.
const indexes = new WeakMap<Site, SiteIndexes>();
const linkingDocs = new WeakMap<Site, LinkingDocs>();

/** From now on, backlinks of `site`'s posts are found among `candidates(post.rel)` only. */
export function narrowBacklinks(site: Site, candidates: LinkingDocs): void {
  linkingDocs.set(site, candidates);
}

export function postLinks(site: Site, post: Post): PostLinks {
  let idx = indexes.get(site);
  if (!idx) indexes.set(site, (idx = { related: relatedIndex(site.posts) }));
  const narrowed = linkingDocs.get(site);
  // The same entries either way: backlinkIndex orders them by date, title and path, not by input order.
  const backlinks = narrowed ? backlinkIndex(narrowed(post.rel)) : (idx.backlinks ??= backlinkIndex([...site.posts, ...site.pages]));
  const series = seriesNav(post, site.series);
  return {
    ...(series ? { series } : {}),
    backlinks: backlinks.get(post.rel) ?? [],
    related: relatedPosts(post, idx.related),
  };
}
