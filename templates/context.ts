import type { SiteConfig } from '../src/config.ts';
import { absoluteUrl, href } from '../src/site/urls.ts';
import { resolveStrings, type Strings } from './strings.ts';

/** Hashed client files produced by the asset build, by logical name. */
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

/** What every template receives besides its own data. */
export interface RenderContext {
  config: SiteConfig;
  assets: AssetManifest;
  /** Every word of the interface: the table `language` selects, with the config's `strings` over it. */
  strings: Strings;
  /** A site path (`/tags/x/`) as an href under the base. */
  url: (sitePath: string) => string;
  /** A site path as an absolute URL (feeds, canonical, Open Graph). */
  absolute: (sitePath: string) => string;
}

export function createContext(config: SiteConfig, assets: AssetManifest): RenderContext {
  return {
    config,
    assets,
    strings: resolveStrings(config.language, config.strings),
    url: (p) => href(config.base, p),
    absolute: (p) => absoluteUrl(config.url, config.base, p),
  };
}
