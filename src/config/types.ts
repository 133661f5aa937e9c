/**
 * What `site.config.ts` may hold, and the helper that types it. Type-only imports: this module is
 * the package's public entry (`import { defineConfig } from 'folio-ssg'`), loaded with every config.
 */
import type { Element, ElementContent, Root } from 'hast';
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
  /**
   * The files this plugin adds to the site: a page kind owns its paths, its template and the
   * data its pages are made from. Called once per build (and per request in `folio dev`) with
   * a read-only view of the site; only the pages asked for are rendered.
   */
  routes?(site: SiteData, env: RouteEnv): Iterable<RouteFile>;
  /**
   * Sections after each post's body (the built-in backlinks, related posts and series box are
   * one). `data` is part of the post page's key: return everything `render` shows.
   */
  postAsides?: {
    data(site: SiteData, post: Post): unknown;
    render(ctx: RenderContext, data: any): Element[];
  };
}

/** What routes are told besides the site. */
export interface RouteEnv {
  /** Files of `public/` by output path (`robots.txt`, `img/a.png`): copied as they are. */
  publicFiles: readonly string[];
}

/**
 * One file made by a route. `path` is a site path: `/papers/` is written as
 * `papers/index.html`, `/papers.json` as itself. The page is rendered again only when its key
 * changes, and the key is a digest of what `data()` returns (with the site's settings, its
 * templates and Folio's code): put in it everything `render` shows. A post inside the data
 * stands for the fields lists show (title, path, dates, terms, summary); to show its body, put
 * its `contentKey` in the data too.
 */
export interface RoutePage<D = unknown> {
  path: string;
  data: () => D;
  /** A hast tree (written as HTML; wrap it in `ctx.templates.layout` for the site's frame) or text. */
  render: (ctx: RenderContext, data: D) => Root | string;
  /** Written only when `public/` has no file at this path (robots.txt). */
  fallback?: boolean;
  /** Listed in sitemap.xml (index pages; posts and pages are listed by the built-in route). */
  sitemap?: boolean;
}

/** A file copied as it is (a post's image). */
export interface RouteCopy {
  path: string;
  copyFrom: string;
}

export type RouteFile = RoutePage<any> | RouteCopy;

/** Identity helper that types a page's `render` by its `data`. */
export function definePage<D>(page: RoutePage<D>): RoutePage<D> {
  return page;
}

/** Identity helper that gives a plugin its types in `site.config.ts`. */
export function definePlugin(plugin: FolioPlugin): FolioPlugin {
  return plugin;
}

// --- The site as routes and templates see it (read-only: a route never changes the site) ---

/** A tag, category or series: its display name and where its page lives. */
export interface Term {
  readonly name: string;
  readonly slug: string;
  /** Site path without base: `/tags/对比学习/`. */
  readonly path: string;
}

export interface PostRef {
  readonly title: string;
  readonly path: string;
}

/** One entry of a document's table of contents. */
export interface TocEntry {
  readonly depth: number;
  readonly id: string;
  readonly text: string;
}

/** A rendered document (a post or a standalone page). */
export interface Doc {
  readonly kind: 'post' | 'page';
  readonly slug: string;
  /** Site path without base: `/posts/mae/`. */
  readonly path: string;
  readonly title: string;
  readonly date?: Date;
  readonly updated?: Date;
  readonly tags: readonly Term[];
  readonly category?: Term;
  readonly series?: Term;
  readonly seriesOrder?: number;
  /** `summary` from the frontmatter, else the excerpt. */
  readonly summary: string;
  /** The body as HTML (read when shown; put `contentKey` in a page's data when you show it). */
  readonly html: string;
  /** The body as plain text. */
  readonly text: string;
  readonly toc: readonly TocEntry[];
  readonly readingMinutes: number;
  readonly hasMath: boolean;
  readonly hasCode: boolean;
  /** Digest of what the body was rendered from. */
  readonly contentKey: string;
}

/** A post always has a date. */
export interface Post extends Doc {
  readonly kind: 'post';
  readonly date: Date;
  /** The post before this one in time (older) and after it (newer). */
  readonly older?: PostRef;
  readonly newer?: PostRef;
}

export interface TermGroup {
  readonly term: Term;
  /** Newest first (a series: in reading order). */
  readonly posts: readonly Post[];
}

export interface ArchiveMonth {
  readonly year: number;
  readonly month: number;
  readonly posts: readonly Post[];
}

/** The whole site as routes see it. */
export interface SiteData {
  readonly config: SiteConfig;
  /** Newest first, by publication date. */
  readonly posts: readonly Post[];
  /** Most recently changed first (`updated`, else `date`): the home page and the feeds. */
  readonly latest: readonly Post[];
  /** Standalone pages (content/pages/). */
  readonly pages: readonly Doc[];
  readonly tags: readonly TermGroup[];
  readonly categories: readonly TermGroup[];
  readonly series: readonly TermGroup[];
  readonly archives: readonly ArchiveMonth[];
}

/** One page of a paginated list. */
export interface PageSlice<T> {
  readonly items: readonly T[];
  /** 1-based. */
  readonly page: number;
  readonly total: number;
  readonly path: string;
  readonly prevPath?: string;
  readonly nextPath?: string;
}

// --- Templates: what a file in the site's templates/ folder receives (see `folio eject`) ---

/** Hashed client files by logical name (URLs under the base). */
export interface AssetManifest {
  /** Site CSS for every page. */
  style: string;
  /** Theme bootstrap, loaded in <head> so the first paint has the right theme. */
  theme: string;
  /** Client enhancements, a deferred module. */
  main: string;
  /** KaTeX CSS (with its fonts), only for pages with math. */
  math: string;
  favicon: string;
}

/** What every template and route receives besides its own data. */
export interface RenderContext {
  config: SiteConfig;
  assets: AssetManifest;
  /** Every word of the interface: the table `language` selects, with the config's `strings` over it. */
  strings: Strings;
  /** A site path (`/tags/x/`) as an href under the base. */
  url: (sitePath: string) => string;
  /** A site path as an absolute URL (feeds, canonical, Open Graph). */
  absolute: (sitePath: string) => string;
  /** The templates in use: the site's own (templates/NAME.ts) where it has one, else the built-in. */
  templates: Templates;
}

/** What the layout puts in <head> and around the page. */
export interface PageMeta {
  /** Page title without the site name. Empty for the home page. */
  title: string;
  description: string;
  /** Site path of this page, for canonical and og:url. */
  path: string;
  /** `article` for posts. */
  type?: 'website' | 'article';
  hasMath?: boolean;
  noindex?: boolean;
  /** Extra <link rel="alternate"> feeds (per-tag feeds). */
  feeds?: { title: string; path: string; type: string }[];
  /** Structured data (JSON-LD), already a plain object. */
  jsonLd?: Record<string, unknown>;
  /** Page-specific body class, e.g. `page-post`. */
  bodyClass?: string;
  /** Open Graph article facts, for posts. */
  article?: { published: string; modified: string; section?: string; tags: string[] };
  /** The page holds its own search box (search, 404): the header then links to it instead of repeating it. */
  ownSearch?: boolean;
}

/** Extra sections a post carries after its body (series, backlinks, related). */
export interface PostExtras {
  asides?: Element[];
}

export type TermKind = 'tag' | 'category' | 'series';

/**
 * The built-in templates by name. A file `templates/NAME.ts` in the site (`folio eject NAME`
 * writes one) whose default export has the same signature replaces the built-in one; the
 * others still call it, so an edited footer shows on every page.
 */
export interface Templates {
  /** The HTML document around every page: head, header, main, footer. */
  layout(ctx: RenderContext, meta: PageMeta, main: ElementContent[]): Root;
  /** Site title, nav, search box and theme switch. `path` is the current page's. */
  header(ctx: RenderContext, path: string, ownSearch: boolean): Element;
  /** The line at the foot of every page. */
  footer(ctx: RenderContext): Element;
  /** The home page ("最近更新"), one page of the latest posts. */
  home(ctx: RenderContext, slice: PageSlice<Post>): Root;
  /** A post: title, meta, contents, body, asides, previous/next. */
  post(ctx: RenderContext, post: Post, extras?: PostExtras): Root;
  /** A standalone page (content/pages/). */
  page(ctx: RenderContext, doc: Doc): Root;
  /** One page of a tag's or category's posts. */
  list(ctx: RenderContext, kind: TermKind, group: TermGroup, slice: PageSlice<Post>, feedPath?: string): Root;
  /** All tags, categories or series. */
  terms(ctx: RenderContext, kind: TermKind, groups: readonly TermGroup[]): Root;
  /** A series' own page, its parts in reading order. */
  series(ctx: RenderContext, group: TermGroup): Root;
  /** Every post by year and month. */
  archives(ctx: RenderContext, months: readonly ArchiveMonth[]): Root;
  /** The search page. */
  search(ctx: RenderContext): Root;
  /** The 404 page. */
  notFound(ctx: RenderContext, latest: readonly Post[]): Root;
  /** The page left at an old path (`aliases`). */
  redirect(ctx: RenderContext, to: PostRef): Root;
}

export type TemplateName = keyof Templates;

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
 * Every word of the interface (src/config/strings.ts holds one table per language). An entry that
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
