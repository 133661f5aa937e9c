import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lineOfKey } from './config/locate.ts';
import { validateConfig } from './config/schema.ts';
import type { SiteConfig } from './config/types.ts';
import { findConfigFile } from './config/resolve.ts';
import { BUNDLED } from './paths.ts';

export { CONFIG_NAMES, defaultConfig, defaultNav, findConfigFile, normalizeBase, normalizeUrl, resolveConfig } from './config/resolve.ts';
export { defineConfig, type FooterLine, type HeadElement, type NavItem, type SiteConfig, type SiteImage, type ThemeOptions, type UserConfig } from './config/types.ts';

/**
 * Problems with a site config, one line each, naming the file, the line when the source shows
 * it, and the key. The CLI prints the lines and exits 2.
 */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblemAt[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }

  /** `site.config.ts:4: url must be …`, one per problem. */
  get lines(): string[] {
    return this.problems.map(formatProblem);
  }
}

/** A config problem with its place: the file as shown to the author, and the key's line. */
export interface ConfigProblemAt {
  file: string;
  line?: number;
  message: string;
}

const formatProblem = (p: ConfigProblemAt) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;

/** Checks a loaded config against the schema; throws a ConfigError naming every bad key. */
export function checkConfig(value: unknown, file: string, display: (file: string) => string = (f) => f): Partial<SiteConfig> {
  const problems = validateConfig(value);
  if (problems.length === 0) return value as Partial<SiteConfig>;
  const placed = problems.map((p) => ({ file: display(file), line: lineOf(file, p.path), message: p.message }));
  throw new ConfigError(placed.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
}

/** The line of a key in the config file, when the file's text shows it. */
function lineOf(file: string, key: readonly (string | number)[]): number | undefined {
  try {
    return key.length > 0 ? lineOfKey(readFileSync(file, 'utf8'), key) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads and validates the site config: `file` (from `--config`), else `site.config.ts` (or
 * .mjs/.js) in `root`; a site without one uses the defaults. A config that cannot be loaded or
 * does not pass the schema throws a ConfigError.
 */
export async function loadUserConfig(root: string, file?: string, display?: (file: string) => string): Promise<Partial<SiteConfig>> {
  const found = findConfigFile(root, file);
  if (found === undefined) return {};
  const shown = display ?? ((f: string) => f);
  if (!existsSync(found)) throw new ConfigError([{ file: shown(found), message: 'no such config file' }]);
  const href = `${pathToFileURL(found).href}?t=${Date.now()}`;
  let mod: { default?: unknown };
  try {
    // The compiled CLI (lib/) runs without a TypeScript loader: a .ts config goes through tsx.
    mod = (found.endsWith('.ts') && BUNDLED ? await (await import('tsx/esm/api')).tsImport(href, import.meta.url) : await import(/* @vite-ignore */ href)) as { default?: unknown };
  } catch (error) {
    throw new ConfigError([{ file: shown(found), message: `cannot load it: ${firstLine(error)}` }]);
  }
  return configFromModule(mod, found, shown, root);
}

/**
 * The checked config a loaded config module exports: the one step after loading, shared by the
 * build (Node's import or tsx) and `folio dev` (Vite's module loader, which follows edits).
 */
/** `root`: the site folder, which the config's `css` paths are relative to. */
export function configFromModule(mod: { default?: unknown }, file: string, display: (file: string) => string = (f) => f, root = path.dirname(file)): Partial<SiteConfig> {
  // tsx may load a .ts file as CommonJS, nesting `export default` one level down.
  const exported = mod.default;
  const nested = exported && typeof exported === 'object' && Object.keys(exported).length === 1 && 'default' in exported ? (exported as { default: unknown }).default : undefined;
  const config = checkConfig(nested ?? exported, file, display);
  checkFiles(config, root, file, display);
  return config;
}

/** Every `css` file must exist in the site folder: a missing one is an error at its line. */
function checkFiles(config: Partial<SiteConfig>, root: string, file: string, display: (file: string) => string): void {
  const missing = (config.css ?? []).flatMap((rel, i) => (existsSync(path.resolve(root, rel)) ? [] : [{ file: display(file), line: lineOf(file, ['css', i]), message: `css[${i}] ${JSON.stringify(rel)}: no such file in the site folder` }]));
  if (missing.length > 0) throw new ConfigError(missing);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^file:\/\/\S+:\s*/, '');
}
