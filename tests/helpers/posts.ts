import { assignTerms } from '../../src/site/collect.ts';
import type { OutLink } from '../../src/markdown/file-data.ts';
import type { Post } from '../../src/site/model.ts';

export interface PostSpec {
  slug: string;
  date: string;
  tags?: string[];
  category?: string;
  series?: string;
  seriesOrder?: number;
  links?: Partial<OutLink>[];
}

/** Minimal posts for the derived views: terms shared by name, like collectSite makes them. */
export function makePosts(specs: PostSpec[]): Post[] {
  const tags = assignTerms(specs.flatMap((s) => s.tags ?? []), '/tags/');
  const categories = assignTerms(specs.flatMap((s) => (s.category ? [s.category] : [])), '/categories/');
  const series = assignTerms(specs.flatMap((s) => (s.series ? [s.series] : [])), '/series/');
  return specs.map((s) => ({
    kind: 'post',
    contentKey: '',
    rel: `posts/${s.slug}.md`,
    file: `content/posts/${s.slug}.md`,
    slug: s.slug,
    path: `/posts/${s.slug}/`,
    title: s.slug.toUpperCase(),
    date: new Date(`${s.date}T00:00:00Z`),
    tags: (s.tags ?? []).map((t) => tags.get(t)!),
    ...(s.category ? { category: categories.get(s.category)! } : {}),
    ...(s.series ? { series: series.get(s.series)! } : {}),
    ...(s.seriesOrder !== undefined ? { seriesOrder: s.seriesOrder } : {}),
    summary: '',
    html: '',
    toc: [],
    headingIds: [],
    text: '',
    readingMinutes: 1,
    hasMath: false,
    hasCode: false,
    links: (s.links ?? []).map((l) => ({ target: '', line: 1, column: 1, context: '', ...l })),
    assets: [],
    aliases: [],
  }));
}
