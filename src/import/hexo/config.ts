import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';

/** The settings of a Hexo blog's `_config.yml` that decide where posts are and what their URLs were. */
export interface HexoConfig {
  /** `:year/:month/:day/:title/` by default. */
  permalink: string;
  permalinkDefaults: Record<string, string>;
  postAssetFolder: boolean;
  /** `:title.md` by default; its pattern says which part of a file name is the title. */
  newPostName: string;
  /** IANA zone of dates written without one; empty when the blog used the machine's zone. */
  timezone: string;
  sourceDir: string;
  /** The blog's address and the path it was served under, for links written in full. */
  url: string;
  root: string;
  defaultCategory: string;
  categoryMap: Record<string, string>;
  /** 0 keep, 1 lower case, 2 upper case: applied to category slugs in permalinks. */
  filenameCase: number;
}

const DEFAULTS: HexoConfig = {
  permalink: ':year/:month/:day/:title/',
  permalinkDefaults: {},
  postAssetFolder: false,
  newPostName: ':title.md',
  timezone: '',
  sourceDir: 'source',
  url: 'http://example.com',
  root: '/',
  defaultCategory: 'uncategorized',
  categoryMap: {},
  filenameCase: 0,
};

export type ConfigResult = { ok: true; config: HexoConfig; warnings: string[] } | { ok: false; message: string };

/** Reads `_config.yml` with the `yaml` package (data only: no tags are evaluated). */
export function readHexoConfig(hexoDir: string): ConfigResult {
  const file = path.join(hexoDir, '_config.yml');
  if (!existsSync(file)) return { ok: false, message: `${file} not found: HEXO_DIR must be the folder of a Hexo blog (with _config.yml and source/_posts/)` };
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: false });
  if (doc.errors.length > 0) return { ok: false, message: `${file}: invalid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
  if (!isMap(doc.contents)) return { ok: false, message: `${file}: expected a mapping of settings` };
  const raw = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  const warnings: string[] = [];
  const text = (key: string, fallback: string): string => {
    const v = raw[key];
    if (v === undefined || v === null || v === '') return fallback;
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    warnings.push(`_config.yml: ${key} is not text; using "${fallback}"`);
    return fallback;
  };
  const record = (key: string): Record<string, string> => {
    const v = raw[key];
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, String(x)]));
  };
  const timezone = text('timezone', '');
  if (timezone && !validZone(timezone)) warnings.push(`_config.yml: timezone "${timezone}" is not a time zone this machine knows; dates are read in the site's zone`);
  return {
    ok: true,
    warnings,
    config: {
      permalink: text('permalink', DEFAULTS.permalink),
      permalinkDefaults: record('permalink_defaults'),
      postAssetFolder: raw.post_asset_folder === true,
      newPostName: text('new_post_name', DEFAULTS.newPostName),
      timezone: timezone && validZone(timezone) ? timezone : '',
      sourceDir: text('source_dir', DEFAULTS.sourceDir),
      url: text('url', DEFAULTS.url),
      root: text('root', DEFAULTS.root),
      defaultCategory: text('default_category', DEFAULTS.defaultCategory),
      categoryMap: record('category_map'),
      filenameCase: Number(raw.filename_case) || 0,
    },
  };
}

export function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
