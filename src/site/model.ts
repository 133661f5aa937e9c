import type { SiteConfig } from '../config.ts';
import type { AliasRef } from '../content/load.ts';
import type { AssetRef, OutLink, TocEntry } from '../markdown/file-data.ts';

/** A tag, category or series: its display name and where its page lives. */
export interface Term {
  name: string;
  slug: string;
  /** Site path without base: `/tags/对比学习/`. */
  path: string;
}

export interface PostRef {
  title: string;
  path: string;
}

/** A rendered document with everything templates need: plain data. */
export interface Doc {
  kind: 'post' | 'page';
  rel: string;
  file: string;
  slug: string;
  path: string;
  title: string;
  date?: Date;
  updated?: Date;
  tags: Term[];
  category?: Term;
  series?: Term;
  seriesOrder?: number;
  /** `summary`, else the excerpt. */
  summary: string;
  html: string;
  toc: TocEntry[];
  headingIds: string[];
  text: string;
  readingMinutes: number;
  hasMath: boolean;
  hasCode: boolean;
  links: OutLink[];
  assets: AssetRef[];
  /** Old paths that redirect here (`aliases`), with their frontmatter lines. */
  aliases: AliasRef[];
  /** Digest of what the body was rendered from: pages that show the body are keyed by it. */
  contentKey: string;
}

/** A post always has a date. */
export interface Post extends Doc {
  kind: 'post';
  date: Date;
  /** The post before this one in time (older) and after it (newer). */
  older?: PostRef;
  newer?: PostRef;
}

export interface TermGroup {
  term: Term;
  /** Newest first. */
  posts: Post[];
}

export interface ArchiveMonth {
  year: number;
  month: number;
  posts: Post[];
}

/** The whole site as a value, derived from posts: what the emit stage turns into files. */
export interface Site {
  config: SiteConfig;
  /** Newest first, by publication date: the timeline (archives, previous/next). */
  posts: Post[];
  /** "最近更新": most recently changed first, by `updated` when set, else `date`. The home page and the site feeds. */
  latest: Post[];
  pages: Doc[];
  tags: TermGroup[];
  categories: TermGroup[];
  series: TermGroup[];
  archives: ArchiveMonth[];
}
