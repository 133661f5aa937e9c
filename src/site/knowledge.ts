import { backlinkIndex, type Backlink } from './backlinks.ts';
import type { Post, Site } from './model.ts';
import { relatedIndex, relatedPosts, type RelatedIndex } from './related.ts';
import { seriesNav, type SeriesNav } from './series.ts';

/** What a post page shows besides the post: where it sits among the other posts. */
export interface PostLinks {
  series?: SeriesNav;
  backlinks: Backlink[];
  related: Post[];
}

interface SiteIndexes {
  backlinks: Map<string, Backlink[]>;
  related: RelatedIndex;
}

// Built on first use and kept per site value, so rendering one page (the dev server) costs one
// pass over the links and tags, not a pass per page.
const indexes = new WeakMap<Site, SiteIndexes>();

export function postLinks(site: Site, post: Post): PostLinks {
  let idx = indexes.get(site);
  if (!idx) indexes.set(site, (idx = { backlinks: backlinkIndex([...site.posts, ...site.pages]), related: relatedIndex(site.posts) }));
  const series = seriesNav(post, site.series);
  return {
    ...(series ? { series } : {}),
    backlinks: idx.backlinks.get(post.rel) ?? [],
    related: relatedPosts(post, idx.related),
  };
}
