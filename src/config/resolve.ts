import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NavItem, SiteConfig, Strings } from './types.ts';
import { resolveStrings } from './strings.ts';

// The config's defaults and where it is found: what a build needs before (and, when nothing
// changed, instead of) loading and checking the config, so this module loads no schema.

export const defaultConfig: SiteConfig = {
  title: 'Folio',
  description: '',
  url: 'http://localhost',
  base: '/',
  language: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  author: { name: 'Folio' },
  perPage: 10,
  // In the site's language: see resolveConfig.
  nav: defaultNav(resolveStrings('zh-CN')),
  feedLimit: 20,
};

/** The nav of a config that sets none, titled from the string table. */
export function defaultNav(strings: Strings): NavItem[] {
  const t = strings.nav;
  return [
    { title: t.home, path: '/' },
    { title: t.categories, path: '/categories/' },
    { title: t.tags, path: '/tags/' },
    { title: t.archives, path: '/archives/' },
    { title: t.search, path: '/search/' },
  ];
}

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
  const nav = user.nav ?? overrides.nav ?? defaultNav(resolveStrings(merged.language, merged.strings));
  return { ...merged, nav, base: normalizeBase(merged.base), url: normalizeUrl(merged.url) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const CONFIG_NAMES = ['site.config.ts', 'site.config.mjs', 'site.config.js'];

/** The site's config file: `--config FILE`, else the first of CONFIG_NAMES in `root`, else none. */
export function findConfigFile(root: string, file?: string): string | undefined {
  if (file !== undefined) return path.resolve(root, file);
  return CONFIG_NAMES.map((n) => path.join(root, n)).find((f) => existsSync(f));
}
