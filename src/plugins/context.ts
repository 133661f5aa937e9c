import type { AssetManifest, RenderContext, Templates } from '../config/types.ts';
import type { SiteConfig } from '../config.ts';
import { absoluteUrl, href } from '../site/urls.ts';
import { resolveStrings } from '../config/strings.ts';
import { BUILT_IN_TEMPLATES } from './templates.ts';

export { markdownLabels, resolveStrings } from '../config/strings.ts';

/** The context every template and route receives: the site's own templates over the built-in ones. */
export function createContext(config: SiteConfig, assets: AssetManifest, own: Partial<Templates> = {}): RenderContext {
  return {
    config,
    assets,
    strings: resolveStrings(config.language, config.strings),
    url: (p) => href(config.base, p),
    absolute: (p) => absoluteUrl(config.url, config.base, p),
    templates: { ...BUILT_IN_TEMPLATES, ...own },
  };
}
