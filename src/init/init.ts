import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isoDay } from '../content/dates.ts';
import { PACKAGE_NAME, PACKAGE_ROOT } from '../paths.ts';
import { GITIGNORE, scaffoldFiles, SCRIPTS } from './scaffold.ts';

export interface InitOptions {
  /** For tests: "today", the first post's date. */
  now?: Date;
}

export type InitResult =
  | {
      ok: true;
      /** Paths relative to the site folder, package.json and .gitignore included. */
      written: string[];
      /** Scripts an existing package.json had already, kept as they were. */
      keptScripts: string[];
      /** True when the package is installed in the folder already (no `npm install` needed). */
      installed: boolean;
    }
  | { ok: false; existing: string[]; message?: string };

/**
 * `folio init`: writes a new site into `dir`. Never overwrites: when any of its files exists,
 * nothing is written and the existing ones are returned. package.json and .gitignore are the
 * files it adds to in place, keeping everything in them: the scripts and the dependency, and
 * the lines a site needs ignored.
 */
export function initSite(dir: string, options: InitOptions = {}): InitResult {
  const favicon = readFileSync(path.join(PACKAGE_ROOT, 'templates/client/favicon.svg'), 'utf8');
  const files = scaffoldFiles({ today: isoDay(options.now ?? new Date(), 'Asia/Shanghai'), favicon });
  const existing = Object.keys(files).filter((rel) => existsSync(path.join(dir, rel)));
  if (existing.length > 0) return { ok: false, existing };

  const pkgFile = path.join(dir, 'package.json');
  let pkg: { text: string; data: Record<string, unknown> } | undefined;
  if (existsSync(pkgFile)) {
    const text = readFileSync(pkgFile, 'utf8');
    try {
      const data: unknown = JSON.parse(text);
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
      pkg = { text, data: data as Record<string, unknown> };
    } catch {
      return { ok: false, existing: [], message: 'package.json is not valid JSON; fix it and run folio init again' };
    }
  }
  const merged = mergePackageJson(pkg?.data, path.basename(dir));

  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    // `wx`: fail rather than overwrite a file that appeared since the check above.
    writeFileSync(file, content, { flag: 'wx' });
  }
  writeFileSync(pkgFile, `${JSON.stringify(merged.data, null, pkg ? indentOf(pkg.text) : 2)}\n`);
  const ignoreFile = path.join(dir, '.gitignore');
  const ignored = existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : '';
  const missing = GITIGNORE.filter((line) => !ignored.split(/\r?\n/).some((l) => l.trim().replace(/^\//, '') === line || l.trim() === line.slice(0, -1)));
  if (missing.length > 0) writeFileSync(ignoreFile, `${ignored}${ignored === '' || ignored.endsWith('\n') ? '' : '\n'}${missing.join('\n')}\n`);
  return {
    ok: true,
    written: [...Object.keys(files), 'package.json', ...(missing.length > 0 ? ['.gitignore'] : [])],
    keptScripts: merged.kept,
    installed: existsSync(path.join(dir, 'node_modules', PACKAGE_NAME, 'package.json')),
  };
}

/** Adds the scripts and the dependency to a package.json, keeping every key it has, in order. */
export function mergePackageJson(existing: Record<string, unknown> | undefined, folderName: string): { data: Record<string, unknown>; kept: string[] } {
  const version = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const data: Record<string, unknown> = existing
    ? { ...existing }
    : { name: npmName(folderName), version: '0.1.0', private: true, type: 'module' };
  const scripts = { ...(data.scripts as Record<string, string> | undefined) };
  const kept: string[] = [];
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] === undefined) scripts[name] = command;
    else if (scripts[name] !== command) kept.push(name);
  }
  data.scripts = scripts;
  const listed = ['dependencies', 'devDependencies'].some((k) => (data[k] as Record<string, string> | undefined)?.[PACKAGE_NAME] !== undefined);
  if (!listed) data.dependencies = { ...(data.dependencies as Record<string, string> | undefined), [PACKAGE_NAME]: `^${version}` };
  return { data, kept };
}

function indentOf(text: string): string | number {
  return /^\{\s*\n([ \t]+)"/.exec(text)?.[1] ?? 2;
}

/** A folder name as an npm package name: `我的 Blog` → `my-site` when nothing usable is left. */
function npmName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  return name === '' ? 'my-site' : name;
}
