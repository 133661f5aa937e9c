import type { Post } from './model.ts';

export interface RelatedOptions {
  /** At most this many posts (default 5). */
  limit?: number;
}

/** How rare each tag is across the site: what a shared tag is worth. */
export interface TagWeights {
  /** Tag page path → weight, ln(1 + N / posts with the tag): a tag on every post is worth least. */
  weight: ReadonlyMap<string, number>;
}

export function tagWeights(posts: readonly Post[]): TagWeights {
  const df = new Map<string, number>();
  for (const post of posts) for (const path of new Set(post.tags.map((t) => t.path))) df.set(path, (df.get(path) ?? 0) + 1);
  const n = posts.length;
  return { weight: new Map([...df].map(([path, count]) => [path, Math.log(1 + n / count)])) };
}

interface Scored {
  post: Post;
  tags: number;
  sameCategory: boolean;
  distance: number;
}

/**
 * Posts related to `post`: ranked by the summed rarity of shared tags, then by sharing the
 * category, then by closeness in date; ties fall to the source path, so the order never depends
 * on input order. Posts sharing neither a tag nor the category are not related.
 */
export function relatedPosts(post: Post, posts: readonly Post[], weights: TagWeights = tagWeights(posts), options: RelatedOptions = {}): Post[] {
  const own = new Set(post.tags.map((t) => t.path));
  const scored: Scored[] = [];
  for (const other of posts) {
    if (other.rel === post.rel) continue;
    // Summed in a fixed order, so floating-point rounding cannot depend on frontmatter order.
    const shared = [...new Set(other.tags.map((t) => t.path))].filter((p) => own.has(p)).sort();
    const tags = shared.reduce((sum, p) => sum + (weights.weight.get(p) ?? 0), 0);
    const sameCategory = post.category !== undefined && other.category?.path === post.category.path;
    if (tags === 0 && !sameCategory) continue;
    scored.push({ post: other, tags, sameCategory, distance: Math.abs(other.date.getTime() - post.date.getTime()) });
  }
  scored.sort(
    (a, b) =>
      (Math.abs(a.tags - b.tags) > 1e-9 ? b.tags - a.tags : 0) ||
      Number(b.sameCategory) - Number(a.sameCategory) ||
      a.distance - b.distance ||
      (a.post.rel < b.post.rel ? -1 : a.post.rel > b.post.rel ? 1 : 0),
  );
  return scored.slice(0, options.limit ?? 5).map((s) => s.post);
}
