import { createContext } from '../plugins/context.ts';
import type { AssetManifest } from './types.ts';
import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';
import { siteFiles } from '../output/emit.ts';
import type { PublicFile } from '../content/public-files.ts';
import type { Site } from '../site/model.ts';
import { outputFile, safeDecode } from '../site/urls.ts';
import { lineOfKey } from './locate.ts';

export interface NavCheckOptions {
  /** The files of public/, which the nav may lead to. */
  publicFiles: readonly PublicFile[];
  /** The config file, when the site has one (the default nav always leads somewhere). */
  configFile?: string;
  /** Its text, to find the entry's line. */
  configSource?: string;
  display: (file: string) => string;
}

const NO_ASSETS: AssetManifest = { style: '', theme: '', main: '', math: '', favicon: '' };

/**
 * Every nav entry must lead to a file the site has. Checked once against the routing table
 * (siteFiles): a missing page is one error at the config, not a broken link on every page that
 * shows the nav.
 */
export function checkNav(site: Site, options: NavCheckOptions): Diagnostic[] {
  const files = new Set(siteFiles(site, createContext(site.config, NO_ASSETS), { publicFiles: options.publicFiles, ...(options.configFile ? { configFile: options.display(options.configFile) } : {}) }).map((f) => f.path));
  const file = options.display(options.configFile ?? 'site.config.ts');
  const out: Diagnostic[] = [];
  site.config.nav.forEach((item, i) => {
    const target = safeDecode(item.path.replace(/[?#].*$/, ''));
    if (files.has(outputFile(target))) return;
    const line = (options.configSource && lineOfKey(options.configSource, ['nav', i, 'path'])) || 1;
    const page = /^\/([^/]+)\/$/.exec(target)?.[1];
    const fix = page ? `add content/pages/${page}.md or remove the entry` : 'point it at a page of the site or remove the entry';
    out.push(diagnostic(file, line, 1, `nav[${i}].path "${item.path}" (${item.title}) leads to no page of the site: ${fix}`, 'config/nav'));
  });
  return out;
}
