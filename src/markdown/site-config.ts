import { loadUserConfig } from '../config.ts';
import { createProcessor, sitePlugins, type Processor } from './processor.ts';
import type { MarkdownLabels } from './labels.ts';
import type { MathOptions } from './math.ts';

/** Where a site's config file is: what a worker thread needs to load it itself. */
export interface SiteConfigSource {
  root: string;
  /** The config file (`--config`), else site.config.ts (or .mjs/.js) in root. */
  file?: string;
}

/**
 * A processor with the site's own Markdown plugins, loaded from its config file through the
 * one config loader (`loadUserConfig`). For render workers, which receive only data.
 */
export async function siteProcessor(source: SiteConfigSource | undefined, math: MathOptions, labels?: MarkdownLabels): Promise<Processor> {
  const user = source ? await loadUserConfig(source.root, source.file) : {};
  return createProcessor({ math, plugins: sitePlugins(user), ...(labels ? { labels } : {}) });
}
