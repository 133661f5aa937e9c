import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../content/diagnostic.ts';
import { OUTPUT_MARKER } from '../output/out-guard.ts';
import { fileStamp } from './build-record.ts';
import { identity, sourcesStamp } from './code-key.ts';
import { stampFile, stampTree } from './stamp.ts';

/**
 * The no-change check: whether the output folder already holds what a build would write. It is
 * the first thing a build does and loads nothing of the pipeline (no config schema, no
 * Markdown, no templates): stats only, and one small file in the cache.
 *
 * Equal stamps mean an equal build: the inputs (every file under content/, public/ and
 * templates/, the config files, Folio's code and the site's modules, each by path, size and
 * times; the site's config by value; the options) are as when the last build into this folder
 * ended, and so is the output (the folder, and every file that build wrote, by size and mtime:
 * a page edited or removed by hand makes the next build write it again).
 */
export interface UpToDateInput {
  root: string;
  configFile?: string;
  contentDir: string;
  publicDir: string;
  outDir: string;
  cacheDir: string;
  /** The config as the site wrote it (before defaults), with the CLI's overrides. */
  config: object;
  /** The options that change what a build writes (drafts, strict, search, …). */
  options: object;
}

/** What a successful build leaves for the next one's check. */
export interface UpToDateRecord {
  /** `inputsStamp` when the build started. */
  inputs: string;
  /** The output folder's identity after the build (`outputStamp`). */
  output: string;
  /** The files the build wrote, one per line, and a digest of their stamps then. */
  files: string;
  filesStamp: string;
  /** Warnings of that build, repeated when nothing changed. */
  diagnostics: Diagnostic[];
  stats: { posts: number; pages: number; tags: number; categories: number; files: number };
}

/** A stamp of everything a build reads: see `UpToDateInput`. */
export function inputsStamp(input: UpToDateInput): string {
  const hash = createHash('sha256');
  hash.update(identity([input.config, input.options, input.contentDir, process.version])).update('\0');
  const exclude = [input.contentDir, input.publicDir, input.outDir, path.join(input.root, '.cache')];
  hash.update(sourcesStamp({ root: input.root, config: input.config, exclude })).update('\0');
  for (const dir of [input.contentDir, input.publicDir, path.join(input.root, 'templates')]) stampTree(hash, dir);
  for (const file of [...['site.config.ts', 'site.config.mjs', 'site.config.js'].map((f) => path.join(input.root, f)), ...(input.configFile ? [input.configFile] : [])]) stampFile(hash, file);
  return hash.digest('hex');
}

/** The output folder and its marker, by inode and times: a swap or a hand change shows here. */
export function outputStamp(outDir: string): string {
  const dir = statSync(outDir, { throwIfNoEntry: false });
  const marker = statSync(path.join(outDir, OUTPUT_MARKER), { throwIfNoEntry: false });
  return dir && marker ? `${dir.ino}:${dir.mtimeMs}:${marker.ino}:${marker.size}:${marker.mtimeMs}` : '';
}

/** A digest of each file's stamp (`fileStamp`): one stat each, nothing read. */
function filesStamp(stamps: Iterable<string>): string {
  const hash = createHash('sha1');
  for (const s of stamps) hash.update(`${s}\n`);
  return hash.digest('base64url');
}

function recordFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `up-to-date-${createHash('sha1').update(path.resolve(outDir)).digest('hex').slice(0, 12)}.json`);
}

/** The last build's record when the output is still exactly what it wrote for `inputs`, else undefined. */
export function upToDate(cacheDir: string, outDir: string, inputs: string): UpToDateRecord | undefined {
  let record: UpToDateRecord;
  try {
    record = JSON.parse(readFileSync(recordFile(cacheDir, outDir), 'utf8')) as UpToDateRecord;
  } catch {
    return undefined;
  }
  if (record.inputs !== inputs || typeof record.files !== 'string' || record.output !== outputStamp(outDir)) return undefined;
  const files = record.files === '' ? [] : record.files.split('\n');
  return filesStamp(files.map((f) => fileStamp(path.join(outDir, f)))) === record.filesStamp ? record : undefined;
}

/** Saves the check's record after a successful build (`stamps`: each file it wrote, as `fileStamps` gives them). */
export function saveUpToDate(cacheDir: string, outDir: string, record: Omit<UpToDateRecord, 'output' | 'files' | 'filesStamp'>, stamps: Record<string, string>): void {
  const file = recordFile(cacheDir, outDir);
  const full: UpToDateRecord = { ...record, output: outputStamp(outDir), files: Object.keys(stamps).join('\n'), filesStamp: filesStamp(Object.values(stamps)) };
  writeFileSync(`${file}.tmp-${process.pid}`, JSON.stringify(full));
  renameSync(`${file}.tmp-${process.pid}`, file);
}
