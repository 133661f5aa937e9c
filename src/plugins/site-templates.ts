import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TemplateName, Templates } from '../config/types.ts';
import { ConfigError } from '../config.ts';
import { walkFiles } from '../content/walk.ts';
import { BUNDLED, PACKAGE_ROOT } from '../paths.ts';
import { TEMPLATE_NAMES } from './template-sources.ts';

/** The site's own templates (templates/NAME.ts), and a digest of that folder for page keys. */
export interface SiteTemplates {
  own: Partial<Templates>;
  /** Digest of every file under templates/ (an override's helpers included); '' without one. */
  key: string;
}

export interface SiteTemplateOptions {
  display: (abs: string) => string;
  /** Loads a module (the dev server loads through Vite, so that edits are seen). */
  load?: (file: string) => Promise<unknown>;
}

/** Extensions a template file may have, in the order they are looked for. */
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

/** The folder a site's templates are looked up in. */
export function siteTemplatesDir(root: string): string {
  return path.join(root, 'templates');
}

/**
 * Looks up `templates/NAME.ts` (or .mts, .js, .mjs) in the site folder for each built-in template,
 * as Hugo and Zola look up layouts. Other files there are the site's own helpers, imported by
 * its templates. A file that cannot be loaded or does not export a template is a ConfigError
 * naming it; so is one that throws or returns something other than a hast node when rendering.
 */
export async function loadSiteTemplates(root: string, options: SiteTemplateOptions): Promise<SiteTemplates> {
  const dir = siteTemplatesDir(root);
  // Folio's own checkout is a site whose templates/ holds the built-in templates themselves.
  if (samePath(dir, path.join(PACKAGE_ROOT, 'templates'))) return { own: {}, key: '' };
  const { files } = walkFiles(dir, { display: options.display, name: 'templates' });
  if (files.length === 0) return { own: {}, key: '' };
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.rel).update('\0').update(readFileSync(f.real)).update('\0');
  const own: Partial<Record<TemplateName, unknown>> = {};
  const problems: ConfigError['problems'] = [];
  for (const name of TEMPLATE_NAMES) {
    const found = files.filter((f) => EXTENSIONS.some((ext) => f.rel === `${name}${ext}`));
    if (found.length === 0) continue;
    const file = found[0]!.abs;
    if (found.length > 1) {
      problems.push({ file: options.display(file), message: `two files for the ${name} template (${found.map((f) => f.rel).join(', ')}): keep one` });
      continue;
    }
    try {
      own[name] = wrap(name, file, await loadTemplate(file, options), options.display);
    } catch (error) {
      if (error instanceof ConfigError) problems.push(...error.problems);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { own: own as Partial<Templates>, key: hash.digest('base64url') };
}

async function loadTemplate(file: string, options: SiteTemplateOptions): Promise<(...args: unknown[]) => unknown> {
  const shown = options.display(file);
  let mod: unknown;
  try {
    if (options.load) mod = await options.load(file);
    else {
      const href = `${pathToFileURL(file).href}?t=${Date.now()}`;
      // The compiled CLI (lib/) runs without a TypeScript loader: a .ts template goes through tsx.
      mod = /\.m?ts$/.test(file) && BUNDLED ? await (await import('tsx/esm/api')).tsImport(href, import.meta.url) : await import(/* @vite-ignore */ href);
    }
  } catch (error) {
    throw new ConfigError([{ file: shown, ...lineIn(error, file), message: `cannot load this template: ${firstLine(error)}` }]);
  }
  let exported = (mod as { default?: unknown }).default;
  let named = Object.keys(mod as object).filter((k) => k !== 'default' && k !== 'module.exports');
  // tsx loads a .ts file as CommonJS in a site without "type": "module": the default is then
  // `module.exports`, which holds `default` (if there is one) and the named exports.
  if (exported && typeof exported === 'object' && (exported as { __esModule?: unknown }).__esModule === true) {
    named = Object.keys(exported).filter((k) => k !== 'default' && k !== '__esModule');
    exported = (exported as { default?: unknown }).default;
  }
  if (typeof exported !== 'function') {
    const name = path.basename(file).replace(/\.[^.]+$/, '');
    const has = exported === undefined ? `no default${named.length > 0 ? ` (only ${named.join(', ')})` : ''}` : `a default ${exported === null ? 'null' : typeof exported}`;
    throw new ConfigError([{ file: shown, message: `must export default the template function, such as \`export default function ${name}(ctx, …) { … }\` (\`folio eject ${name}\` writes one); it exports ${has}` }]);
  }
  return exported as (...args: unknown[]) => unknown;
}

/** The template, failing with its file named: a throw, or a result that is not a hast node. */
function wrap(name: TemplateName, file: string, fn: (...args: unknown[]) => unknown, display: (abs: string) => string) {
  return (...args: unknown[]) => {
    let out: unknown;
    try {
      out = fn(...args);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new ConfigError([{ file: display(file), ...lineIn(error, file), message: `the ${name} template failed: ${firstLine(error)}` }]);
    }
    if (typeof out !== 'object' || out === null || typeof (out as { type?: unknown }).type !== 'string') {
      const got = out === null ? 'null' : Array.isArray(out) ? 'a list' : typeof out === 'object' ? 'an object without a hast `type`' : `a ${typeof out}`;
      throw new ConfigError([{ file: display(file), message: `the ${name} template must return a hast ${name === 'header' || name === 'footer' ? 'element, such as h("footer", …)' : 'root (what the layout returns)'}; it returned ${got}` }]);
    }
    return out;
  };
}

/** The line in `file` an error was thrown at, from its stack. */
function lineIn(error: unknown, file: string): { line?: number } {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const where of [pathToFileURL(file).href, file]) {
    const i = stack.indexOf(`${where}`);
    if (i < 0) continue;
    const m = /^(?:\?[^:\s]*)?:(\d+):\d+/.exec(stack.slice(i + where.length));
    if (m) return { line: Number(m[1]) };
  }
  return {};
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^file:\/\/\S+:\s*/, '');
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
