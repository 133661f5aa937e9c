import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLED } from './paths.ts';

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

export const defaultConfig: SiteConfig = {
  title: 'Folio',
  description: '',
  url: 'http://localhost',
  base: '/',
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  author: { name: 'Folio' },
  perPage: 10,
  nav: [
    { title: '首页', path: '/' },
    { title: '分类', path: '/categories/' },
    { title: '标签', path: '/tags/' },
    { title: '归档', path: '/archives/' },
    { title: '搜索', path: '/search/' },
  ],
  feedLimit: 20,
};

/** `sub`, `/sub`, `sub/` all mean `/sub/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export function normalizeUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

export function resolveConfig(user: Partial<SiteConfig>, overrides: Partial<SiteConfig> = {}): SiteConfig {
  const merged = { ...defaultConfig, ...user, ...stripUndefined(overrides) };
  return { ...merged, base: normalizeBase(merged.base), url: normalizeUrl(merged.url) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Loads `site.config.ts` (or .js/.mjs) from `root`; a site without one uses the defaults. */
export async function loadUserConfig(root: string): Promise<Partial<SiteConfig>> {
  for (const name of ['site.config.ts', 'site.config.mjs', 'site.config.js']) {
    const file = path.join(root, name);
    if (existsSync(file)) {
      const href = `${pathToFileURL(file).href}?t=${Date.now()}`;
      // The compiled CLI (lib/) runs without a TypeScript loader: a .ts config goes through tsx.
      const mod = (name.endsWith('.ts') && BUNDLED ? await (await import('tsx/esm/api')).tsImport(href, import.meta.url) : await import(/* @vite-ignore */ href)) as {
        default?: Partial<SiteConfig> | { default?: Partial<SiteConfig> };
      };
      // tsx may load a .ts file as CommonJS, nesting `export default` one level down.
      const exported = mod.default;
      const nested = exported && typeof exported === 'object' && Object.keys(exported).length === 1 && 'default' in exported ? exported.default : undefined;
      return (nested ?? exported ?? {}) as Partial<SiteConfig>;
    }
  }
  return {};
}
