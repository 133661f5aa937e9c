import type { SiteConfig } from '../config.ts';
import { zonedParts } from '../content/dates.ts';
import type { ArchiveMonth, Doc, Post, Site, Term, TermGroup } from './model.ts';
import { bySeriesOrder } from './series.ts';
import { termSlug } from './urls.ts';

const collator = new Intl.Collator('zh-CN');

/** Newest first; ties broken by title and then source path so the order never depends on the disk. */
export function byDateDesc(a: Dated, b: Dated): number {
  return b.date.getTime() - a.date.getTime() || collator.compare(a.title, b.title) || (sourceOf(a) < sourceOf(b) ? -1 : 1);
}

/** What `byDateDesc` reads: a post, or the read-only view of one that templates see. */
interface Dated {
  readonly date: Date;
  readonly title: string;
  readonly path: string;
}

/** The source path, the last tie-breaker; a view of a post carries it too, untyped. */
const sourceOf = (d: Dated): string => ('rel' in d && typeof d.rel === 'string' ? d.rel : d.path);

/** Most recently changed first: `updated` when set, else `date`; then as `byDateDesc`. */
export function byLatestChange(a: Post, b: Post): number {
  return (b.updated ?? b.date).getTime() - (a.updated ?? a.date).getTime() || byDateDesc(a, b);
}

/** Builds the site value: timeline with neighbours, tags, categories, series and archives. */
export function collectSite(config: SiteConfig, docs: Doc[]): Site {
  const posts = docs.filter((d): d is Post => d.kind === 'post' && d.date !== undefined).sort(byDateDesc);
  posts.forEach((post, i) => {
    const newer = posts[i - 1];
    const older = posts[i + 1];
    if (newer) post.newer = { title: newer.title, path: newer.path };
    if (older) post.older = { title: older.title, path: older.path };
  });
  const pages = docs.filter((d) => d.kind === 'page').sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    config,
    posts,
    latest: [...posts].sort(byLatestChange),
    pages,
    tags: group(posts, (p) => p.tags),
    categories: group(posts, (p) => (p.category ? [p.category] : [])),
    // A series reads in order (seriesOrder, then date), not newest first.
    series: group(posts, (p) => (p.series ? [p.series] : [])).map((g) => ({ ...g, posts: [...g.posts].sort(bySeriesOrder) })),
    archives: archives(posts, config.timeZone),
  };
}

/** Gives every distinct name a unique slug and page path, deterministically. */
export function assignTerms(names: Iterable<string>, prefix: string): Map<string, Term> {
  const terms = new Map<string, Term>();
  const taken = new Set<string>();
  for (const name of [...new Set(names)].sort(collator.compare)) {
    const base = termSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    terms.set(name, { name, slug, path: `${prefix}${slug}/` });
  }
  return terms;
}

function group(posts: Post[], termsOf: (p: Post) => Term[]): TermGroup[] {
  const groups = new Map<string, TermGroup>();
  for (const post of posts) {
    for (const term of termsOf(post)) {
      let g = groups.get(term.path);
      if (!g) groups.set(term.path, (g = { term, posts: [] }));
      g.posts.push(post);
    }
  }
  return [...groups.values()].sort((a, b) => b.posts.length - a.posts.length || collator.compare(a.term.name, b.term.name));
}

function archives(posts: Post[], timeZone: string): ArchiveMonth[] {
  const months = new Map<string, ArchiveMonth>();
  for (const post of posts) {
    const { year, month } = zonedParts(post.date.getTime(), timeZone);
    const key = `${year}-${month}`;
    let m = months.get(key);
    if (!m) months.set(key, (m = { year, month, posts: [] }));
    m.posts.push(post);
  }
  return [...months.values()];
}
