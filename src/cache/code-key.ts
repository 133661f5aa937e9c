import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { walkFiles } from '../content/walk.ts';
import { OUTPUT_MARKER } from '../output/out-guard.ts';
import { dependencyDir, dependencyVersion, PACKAGE_ROOT } from '../paths.ts';

/**
 * One digest of the generator itself: the bytes of Folio's own code (src/, templates/ and the
 * compiled lib/, whichever are installed) and the installed version of each runtime dependency.
 * Any change to the code that renders, a template, or an upgraded library gives a new key, with
 * no hand-kept version to forget. By content, not modification time, so a cache restored on a
 * fresh clone (CI) still hits. Part of `siteKey`, the key every cache uses. Computed on first use.
 */
export function codeKey(): string {
  return (code ??= hashCode());
}

let code: string | undefined;

function hashCode(): string {
  const hash = createHash('sha256');
  codeSources((source) => {
    if (source.kind === 'file') hash.update(`${source.name}\0`).update(readFileSync(source.file)).update('\0');
    else if (source.kind === 'package') hash.update(`folio@${source.version()}\n`);
    else hash.update(`${source.name}@${source.version()}\n`);
  });
  return hash.digest('hex');
}

/**
 * One thing a key reads: a file by its bytes, a package by its version (read from its
 * package.json, `file`, when it is installed). `codeKey` and `siteKey` hash what they are given;
 * `sourcesStamp` stats the same files instead, for a check that reads nothing.
 */
type Source =
  | { kind: 'file'; name: string; file: string }
  | { kind: 'package' | 'dependency'; name: string; file: string | undefined; version: () => string };

/** Everything `codeKey` reads, in order: Folio's code and package.json, and its dependencies' versions. */
function codeSources(visit: (source: Source) => void): void {
  for (const dir of ['src', 'templates', 'lib']) {
    for (const f of walkFiles(path.join(PACKAGE_ROOT, dir), { display: (p) => p, name: dir }).files) visit({ kind: 'file', name: `${dir}/${f.rel}`, file: f.real });
  }
  const manifest = path.join(PACKAGE_ROOT, 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string; dependencies?: Record<string, string> };
  visit({ kind: 'package', name: 'folio', file: manifest, version: () => pkg.version ?? '' });
  for (const name of Object.keys(pkg.dependencies ?? {}).sort()) {
    const dir = dependencyDir(name);
    visit({ kind: 'dependency', name, file: dir && path.join(dir, 'package.json'), version: () => dependencyVersion(name) ?? 'missing' });
  }
}

/** What a site is made with besides its content: see `siteKey`. */
export interface SiteKeyInput {
  root: string;
  /** The resolved config (plugins included). */
  config: object;
  /** Folders that are the site's data or Folio's output, not its code: never read here. */
  exclude: string[];
}

/** Files a site config may import from the site's own folder. */
const MODULE = /\.(?:[cm]?[jt]s|[jt]sx|json)$/;

/**
 * The one key every cache uses (render, parse, page keys, build record, dev): Folio's own code
 * (`codeKey`) and everything of the site's that changes what Folio makes of the same content:
 * - the resolved config, with each plugin by its identity (name and source text) and options;
 * - the installed version of each package the site depends on (its package.json), where its
 *   plugins come from, and its lock file;
 * - the site's own modules (`.ts`, `.js`, `.mjs`, … outside content/, public/, node_modules/,
 *   the output and the cache), which its config may import, by content;
 * - its `templates/` folder and the `css` files the config lists, by content.
 */
export function siteKey(input: SiteKeyInput): string {
  const hash = createHash('sha256').update(codeKey()).update('\0');
  hash.update(identity(input.config)).update('\0');
  siteSources(input, (source) => {
    if (source.kind === 'file') addFile(hash, source.name, source.file);
    else hash.update(`${source.name}@${source.version()}\n`);
  });
  return hash.digest('hex');
}

/**
 * `siteKey`, kept in `cacheDir` by `sourcesStamp` and the config: while no file it reads has
 * changed (by stat), the key is known without reading Folio's code and the site's modules again.
 */
export function cachedSiteKey(input: SiteKeyInput, cacheDir: string): string {
  const file = path.join(cacheDir, 'site-key.json');
  const stamp = createHash('sha256').update(sourcesStamp(input)).update('\0').update(identity(input.config)).digest('hex');
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { stamp?: unknown; key?: unknown };
    if (saved.stamp === stamp && typeof saved.key === 'string') return saved.key;
  } catch {
    // no key kept yet
  }
  const key = siteKey(input);
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify({ stamp, key }));
    renameSync(`${file}.tmp-${process.pid}`, file);
  } catch {
    // a read-only cache: the key is computed each time
  }
  return key;
}

/**
 * A stamp of every file `siteKey` reads, Folio's code included, by path, size, modification
 * time, change time and inode, reading none of them: equal stamps and an equal config give an
 * equal key. What the no-change check compares instead of computing the key (`up-to-date.ts`).
 */
export function sourcesStamp(input: SiteKeyInput): string {
  const hash = createHash('sha256');
  const stamp = (source: Source) => {
    const s = source.file === undefined ? undefined : statSync(source.file, { throwIfNoEntry: false });
    hash.update(`${source.kind}:${source.name}\0${source.file ?? ''}\0${s ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}` : 'missing'}\n`);
  };
  codeSources(stamp);
  siteSources(input, stamp);
  return hash.digest('hex');
}

/** What `siteKey` reads of the site, in order (see there). */
function siteSources(input: SiteKeyInput, visit: (source: Source) => void): void {
  const { root } = input;
  siteDependencies(root, visit);
  const excluded = input.exclude.map((d) => path.relative(root, d).split(path.sep).join('/')).filter((rel) => rel !== '' && !rel.startsWith('..'));
  // Folio's own folders, when the site is Folio's own repository (the demo): in codeKey already.
  const covered = new Set(['src', 'templates', 'lib'].map((d) => path.join(PACKAGE_ROOT, d)));
  // Any folder Folio built into (its marker file says so) is output, whatever `--out` named it.
  const skip = (rel: string) =>
    rel === 'node_modules' || rel.endsWith('/node_modules') || excluded.includes(rel) || covered.has(path.join(root, rel)) || (!MODULE.test(rel) && existsSync(path.join(root, rel, OUTPUT_MARKER)));
  for (const f of walkFiles(root, { display: (p) => p, name: 'site', skip }).files) {
    if (MODULE.test(f.rel) && f.rel !== 'package-lock.json') visit({ kind: 'file', name: f.rel, file: f.real });
  }
  const templates = path.join(root, 'templates');
  if (!covered.has(templates)) for (const f of walkFiles(templates, { display: (p) => p, name: 'templates' }).files) visit({ kind: 'file', name: `templates/${f.rel}`, file: f.real });
  const css = (input.config as { css?: unknown }).css;
  if (Array.isArray(css)) for (const file of css) if (typeof file === 'string') visit({ kind: 'file', name: `css:${file}`, file: path.resolve(root, file) });
}

function addFile(hash: Hash, name: string, file: string): void {
  hash.update(`${name}\0`);
  try {
    hash.update(readFileSync(file));
  } catch {
    hash.update('\0missing');
  }
  hash.update('\0');
}

/** The site's dependencies at their installed versions, and its lock file. */
function siteDependencies(root: string, visit: (source: Source) => void): void {
  const manifest = path.join(root, 'package.json');
  if (!existsSync(manifest)) return;
  let pkg: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  try {
    pkg = JSON.parse(readFileSync(manifest, 'utf8')) as typeof pkg;
  } catch {
    return;
  }
  const require = createRequire(manifest);
  for (const name of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).sort()) {
    let file: string | undefined;
    try {
      file = require.resolve(`${name}/package.json`);
    } catch {
      // not installed, or its package.json is not exported: its name still counts
    }
    const version = () => {
      try {
        return file === undefined ? 'missing' : ((JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '');
      } catch {
        return 'missing';
      }
    };
    visit({ kind: 'dependency', name, file, version });
  }
  visit({ kind: 'file', name: 'package-lock.json', file: path.join(root, 'package-lock.json') });
}

/**
 * The config as text, plugins included: a function by its name and source text (an upgraded
 * or edited plugin reads differently), options by value. Stable for equal configs.
 */
export function identity(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'function') return `function ${v.name}: ${Function.prototype.toString.call(v)}`;
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof RegExp) return `regexp ${String(v)}`;
    if (v instanceof Map) return { map: [...v.entries()] };
    if (v instanceof Set) return { set: [...v] };
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[circular]';
      seen.add(v);
    }
    return v;
  });
}
