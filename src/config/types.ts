/**
 * What `site.config.ts` may hold, and the helper that types it. Type-only imports: this module is
 * the package's public entry (`import { defineConfig } from 'folio-ssg'`), loaded with every config.
 */
import type { PluggableList } from 'unified';

export interface NavItem {
  title: string;
  /** Site-relative path, e.g. `/tags/`; the base path is added when rendering. */
  path: string;
}

export interface SiteConfig {
  title: string;
  description: string;
  /** Origin (and optional path) the site is published at, used for absolute URLs in feeds. */
  url: string;
  /** Path prefix the site is served under: `/` or `/sub/`. */
  base: string;
  language: string;
  /** IANA zone for dates written without one. */
  timeZone: string;
  author: { name: string; email?: string; url?: string };
  perPage: number;
  nav: NavItem[];
  /** How many posts the site-wide feeds carry. */
  feedLimit: number;
  /** Default image for shared links (Open Graph, Twitter card): a file under public/. */
  image?: SiteImage;
  /** One-line descriptions shown on the category and series index pages, by name. */
  descriptions?: { categories?: Record<string, string>; series?: Record<string, string> };
  // --- Extension points: Markdown plugins (see MarkdownOptions) ---
  /** remark and rehype plugins added to the Markdown chain, as in Astro and Docusaurus. */
  markdown?: MarkdownOptions;
  // --- Extension points: plugins (see FolioPlugin) ---
  /** Folio plugins: Markdown plugins and routes (new page kinds), after the built-in ones. */
  plugins?: FolioPlugin[];
  // --- Extension points: look and language ---
  /** Colours, fonts, width and code highlighting, as CSS custom properties in the site's CSS. */
  theme?: ThemeOptions;
  /** The site's own stylesheets (paths relative to the site folder), bundled and hashed after Folio's. */
  css?: string[];
  /** Extra elements in every page's <head>: meta, link, or a script by `src` (never inline). */
  head?: HeadElement[];
  /** The site's footer lines, e.g. a licence or an ICP 备案号 with its link. */
  footer?: FooterLine[];
  /** Overrides entries of the string table `language` selects. */
  strings?: StringOverrides;
}

/** `theme` in the config. Colours are CSS colours; a single accent serves light and dark alike. */
export interface ThemeOptions {
  accent?: string | { light: string; dark: string };
  fonts?: { body?: string; mono?: string };
  /** The text column's width, a CSS length such as `42rem` or `70ch`. */
  width?: string;
  /** highlight.js themes (file names under highlight.js/styles, without `.css`), e.g. `github` and `github-dark`. */
  code?: { light?: string; dark?: string };
}

/** One element added to <head>. A script must load from `src`: pages allow no inline script. */
export type HeadElement =
  | { tag: 'meta'; attrs: Record<string, string> }
  | { tag: 'link'; attrs: Record<string, string> }
  | { tag: 'script'; attrs: Record<string, string | boolean> & { src: string } };

/** A piece of a footer line: text, or a link. */
export type FooterPart = string | { text: string; href: string };

/** One footer line: a piece or a list of pieces, shown as one paragraph. */
export type FooterLine = FooterPart | FooterPart[];

/** Markdown plugins from the config. Each entry is a plugin or `[plugin, options]`. */
export interface MarkdownOptions {
  remarkPlugins?: PluggableList;
  rehypePlugins?: PluggableList;
}

/**
 * A Folio plugin: one named feature of the site. The built-in features (tags, categories,
 * series, archives, feeds, search, knowledge links) are plugins of this shape too.
 */
export interface FolioPlugin {
  name: string;
  /** Added to the Markdown chain after the built-in remark plugins. */
  remarkPlugins?: PluggableList;
  /** Added to the Markdown chain after the built-in rehype plugins, before HTML is written. */
  rehypePlugins?: PluggableList;
  // --- FolioPlugin: routes and the rest of the layer ---
}

export interface SiteImage {
  /** Site path of a PNG or JPEG under public/, e.g. `/og-image.png` (1200×630 suits most sites). */
  path: string;
  alt: string;
  width: number;
  height: number;
}

export type UserConfig = Partial<SiteConfig> & Pick<SiteConfig, 'title'>;

/** Identity helper that gives `site.config.ts` its types. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

/** Options of `build()`, `folio build` as a function. Paths are relative to `root`. */
export interface BuildOptions {
  /** The site folder (default: the working directory). */
  root?: string;
  /** The config file (default: site.config.ts, .mjs or .js in root). */
  configFile?: string;
  /** Content root holding posts/ (default: content). */
  contentDir?: string;
  /** Output folder (default: dist). */
  outDir?: string;
  /** Overrides `base` for this build. */
  base?: string;
  /** Overrides `url` for this build. */
  url?: string;
  /** Include posts with `draft: true`. */
  drafts?: boolean;
  /** Warnings fail the build too. */
  strict?: boolean;
  /** Build the search index (default true). */
  search?: boolean;
}

/** A problem found by a build, at its place: what `folio build` prints as `file:line:col: message`. */
export interface BuildProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
  /** Stable identifier, e.g. `frontmatter/unknown-field` or `config/invalid`. */
  rule: string;
}

/** What `build()` returns. When `ok` is false the output folder was left as it was. */
export interface BuildSummary {
  ok: boolean;
  problems: BuildProblem[];
  /** Absolute path of the output folder. */
  outDir: string;
  posts: number;
  pages: number;
  files: number;
  ms: number;
}

/**
 * Every word of the interface (templates/strings.ts holds one table per language). An entry that
 * depends on a value is a function of it; those the Markdown renderer and the browser use
 * (`markdown.*`, `search*`) should only put their arguments into the text.
 */
export interface Strings {
  skipToContent: string;
  home: string;
  latest: string;
  readMore: string;
  posts: string;
  tags: string;
  tagsIndex: string;
  categories: string;
  categoriesIndex: string;
  archives: string;
  search: string;
  searchPlaceholder: string;
  searchLabel: string;
  searchDescription: string;
  searchNoScript: string;
  searchLoading: string;
  searchResultCount: (n: number, query: string) => string;
  searchNoResults: (query: string) => string;
  searchUnavailable: string;
  searchResults: string;
  series: string;
  toc: string;
  backToTop: string;
  copyCode: string;
  copyFailed: string;
  codeLanguage: (lang: string) => string;
  scrollHint: string;
  published: string;
  updated: string;
  category: string;
  /** Minutes: Chinese is counted at 400 characters a minute, other words at 200 a minute. */
  readingTime: (minutes: number) => string;
  postCount: (n: number) => string;
  termCount: (n: number) => string;
  latestOf: (name: string) => string;
  previousPost: string;
  nextPost: string;
  newer: string;
  older: string;
  pageOf: (page: number, total: number) => string;
  pagination: string;
  tagTitle: (name: string) => string;
  categoryTitle: (name: string) => string;
  seriesTitle: (name: string) => string;
  /** `标签：MAE（3 篇文章）`: a page's description built from its title and a count. */
  titleWithCount: (title: string, count: string) => string;
  /** `全部标签：站名`, `归档：12 篇文章`. */
  labelled: (label: string, value: string) => string;
  /** A post's date as shown (its <time> carries the ISO date and time). */
  date: (year: number, month: number, day: number) => string;
  yearMonth: (year: number, month: number) => string;
  year: (year: number) => string;
  notFoundTitle: string;
  notFoundBody: string;
  backHome: string;
  movedTo: string;
  notFoundSearch: string;
  feeds: string;
  rss: string;
  atom: string;
  jsonFeed: string;
  poweredBy: string;
  mainNav: string;
  siteFooter: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  copy: string;
  copied: string;
  // Knowledge base: series, backlinks, related posts, per-term feeds.
  backlinks: string;
  related: string;
  seriesPosition: (position: number, total: number) => string;
  seriesPrevious: string;
  seriesNext: string;
  seriesPart: (n: number) => string;
  /** The default nav (when the config sets no `nav`). */
  nav: { home: string; categories: string; tags: string; archives: string; search: string };
  /** Text the Markdown renderer writes into posts. */
  markdown: {
    footnotes: string;
    /** The back link of a footnote, by the number of its reference (`1`, `2`, …). */
    footnoteBack: (ref: string) => string;
    anchor: (heading: string) => string;
    alerts: { note: string; tip: string; important: string; warning: string; caution: string };
  };
  /** `folio new`: the body of a new post, under its frontmatter. */
  newPost: string;}

/** `strings` in the config: any entry of the table, at any depth. */
export type StringOverrides = DeepPartial<Strings>;

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends (...args: never[]) => unknown ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
