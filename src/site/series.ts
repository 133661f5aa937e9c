import type { Post, PostRef, Term, TermGroup } from './model.ts';

const collator = new Intl.Collator('zh-CN');

/** Reading order within a series: `seriesOrder` first (posts without it after), then date, title, path. */
export function bySeriesOrder(a: Post, b: Post): number {
  const oa = a.seriesOrder ?? Infinity;
  const ob = b.seriesOrder ?? Infinity;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.date.getTime() - b.date.getTime() || collator.compare(a.title, b.title) || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
}

/** Where a post stands in its series: the whole table of contents, and its neighbours. */
export interface SeriesNav {
  term: Term;
  entries: (PostRef & { current: boolean })[];
  /** 1-based position of this post. */
  position: number;
  previous?: PostRef;
  next?: PostRef;
}

/** `group.posts` must already be in series order (collectSite sorts series that way). */
export function seriesNav(post: Post, groups: readonly TermGroup[]): SeriesNav | undefined {
  if (!post.series) return undefined;
  const group = groups.find((g) => g.term.path === post.series!.path);
  if (!group) return undefined;
  const i = group.posts.findIndex((p) => p.rel === post.rel);
  if (i < 0) return undefined;
  const ref = (p: Post): PostRef => ({ title: p.title, path: p.path });
  const previous = group.posts[i - 1];
  const next = group.posts[i + 1];
  return {
    term: group.term,
    entries: group.posts.map((p) => ({ ...ref(p), current: p.rel === post.rel })),
    position: i + 1,
    ...(previous ? { previous: ref(previous) } : {}),
    ...(next ? { next: ref(next) } : {}),
  };
}
