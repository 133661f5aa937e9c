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
}

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
