import type { Post } from './model.ts';

export interface RelatedOptions {
  /** At most this many posts (default 5). */
  limit?: number;
}

/**
 * What ranking needs about all posts, built once per site: each post's tags as numbers, which
 * posts carry each tag and each category, and what each tag is worth. With it, ranking one post
 * touches only the posts it shares something with, so a site of thousands of posts stays fast.
 */
export interface RelatedIndex {
  posts: readonly Post[];
  /** Tag page path → weight, ln(1 + N / posts with the tag): a tag on every post is worth least. */
  weight(tagPath: string): number;
  position: ReadonlyMap<string, number>;
  tagsOf: readonly (readonly number[])[];
  postsWithTag: readonly (readonly number[])[];
  weights: Float64Array;
  postsInCategory: ReadonlyMap<string, readonly number[]>;
  /** Scratch scores, one per post, reset after each use. */
  scratch: Float64Array;
}

export function relatedIndex(posts: readonly Post[]): RelatedIndex {
  const tagIds = new Map<string, number>();
  // Tag numbers follow the sorted tag paths, so sums below add in an order that does not depend on input order.
  for (const path of [...new Set(posts.flatMap((p) => p.tags.map((t) => t.path)))].sort()) tagIds.set(path, tagIds.size);
  const tagsOf = posts.map((p) => [...new Set(p.tags.map((t) => tagIds.get(t.path)!))].sort((a, b) => a - b));
  const postsWithTag: number[][] = Array.from({ length: tagIds.size }, () => []);
  tagsOf.forEach((tags, i) => tags.forEach((t) => postsWithTag[t]!.push(i)));
  const weights = Float64Array.from(postsWithTag, (list) => Math.log(1 + posts.length / list.length));
  const postsInCategory = new Map<string, number[]>();
  posts.forEach((p, i) => {
    if (!p.category) return;
    const list = postsInCategory.get(p.category.path);
    if (list) list.push(i);
    else postsInCategory.set(p.category.path, [i]);
  });
  return {
    posts,
    weight: (tagPath) => {
      const id = tagIds.get(tagPath);
      return id === undefined ? 0 : weights[id]!;
    },
    position: new Map(posts.map((p, i) => [p.rel, i])),
    tagsOf,
    postsWithTag,
    weights,
    postsInCategory,
    scratch: new Float64Array(posts.length),
  };
}

interface Candidate {
  i: number;
  tags: number;
  sameCategory: boolean;
  distance: number;
}

/**
 * Posts related to `post`: ranked by the summed rarity of shared tags, then by sharing the
 * category, then by closeness in date; ties fall to the source path, so the order never depends
 * on input order. Posts sharing neither a tag nor the category are not related.
 */
export function relatedPosts(post: Post, index: RelatedIndex, options: RelatedOptions = {}): Post[] {
  const limit = options.limit ?? 5;
  const self = index.position.get(post.rel);
  if (self === undefined || limit <= 0) return [];
  const { posts, scratch } = index;
  const touched: number[] = [];
  for (const t of index.tagsOf[self]!) {
    const w = index.weights[t]!;
    for (const i of index.postsWithTag[t]!) {
      if (i === self) continue;
      if (scratch[i] === 0) touched.push(i);
      scratch[i]! += w;
    }
  }
  const category = post.category?.path;
  const time = post.date.getTime();
  const candidate = (i: number): Candidate => ({
    i,
    tags: scratch[i]!,
    sameCategory: category !== undefined && posts[i]!.category?.path === category,
    distance: Math.abs(posts[i]!.date.getTime() - time),
  });
  const best: Candidate[] = [];
  const consider = (c: Candidate) => {
    if (best.length === limit && compare(c, best[limit - 1]!, posts) >= 0) return;
    let at = best.length;
    while (at > 0 && compare(c, best[at - 1]!, posts) < 0) at--;
    best.splice(at, 0, c);
    if (best.length > limit) best.pop();
  };
  for (const i of touched) {
    // Shared tags rank first: a post below the fifth best by tags alone cannot enter the list.
    if (best.length === limit && scratch[i]! < best[limit - 1]!.tags - 1e-9) continue;
    consider(candidate(i));
  }
  // Posts that share only the category rank after every post sharing a tag.
  if (best.length < limit && category !== undefined) {
    for (const i of index.postsInCategory.get(category) ?? []) if (i !== self && scratch[i] === 0) consider(candidate(i));
  }
  for (const i of touched) scratch[i] = 0;
  return best.map((c) => posts[c.i]!);
}

function compare(a: Candidate, b: Candidate, posts: readonly Post[]): number {
  if (Math.abs(a.tags - b.tags) > 1e-9) return b.tags - a.tags;
  if (a.sameCategory !== b.sameCategory) return a.sameCategory ? -1 : 1;
  if (a.distance !== b.distance) return a.distance - b.distance;
  const ra = posts[a.i]!.rel;
  const rb = posts[b.i]!.rel;
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}
