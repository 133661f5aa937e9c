// `npm run bench`: measures Folio against the floor and against Eleventy on generated corpora, in
// one run, and writes the figures to docs/benchmarks.md. Wall time and peak memory are measured from the
// outside (the process tree is sampled through /proc), so they include workers and Pagefind.
//
//   npm run bench                      # 1,000, 4,000 and 10,000 posts
//   npm run bench -- --sizes 1000      # a quick run
//   npm run bench -- --sizes 4000 --rounds 2   # medians of two rounds
//
// Eleventy lives in scripts/bench/eleventy/ with its own lock file; the first run installs it there
// (`npm ci --prefix scripts/bench/eleventy`), the repository's own `npm ci` never does.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/paths.ts';
import { writeCorpus } from './bench/corpus.ts';

interface Measure {
  wallMs: number;
  /** Peak resident memory of the main process, and of any child process (Pagefind). */
  mainRssMb: number;
  childRssMb: number;
  ok: boolean;
  output: string;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,4000,10000' },
    rounds: { type: 'string', default: '1' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
const rounds = Math.max(1, Number(values.rounds) || 1);

const BIN = path.join(PACKAGE_ROOT, 'bin/folio.js');
const FLOOR = path.join(PACKAGE_ROOT, 'scripts/bench/floor.ts');
/** tsx's loader, by absolute URL: the corpus folder has no node_modules to resolve it from. */
const TSX_LOADER = pathToFileURL(path.join(PACKAGE_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const ELEVENTY_DIR = path.join(PACKAGE_ROOT, 'scripts/bench/eleventy');
const ELEVENTY_BIN = path.join(ELEVENTY_DIR, 'node_modules/@11ty/eleventy/cmd.cjs');

/** Installs the pinned Eleventy baseline from its own lock file, once. */
function ensureEleventy(): void {
  if (existsSync(ELEVENTY_BIN)) return;
  console.error('installing the Eleventy baseline (npm ci --prefix scripts/bench/eleventy)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const done = spawnSync(npm, ['ci', '--prefix', ELEVENTY_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (done.status !== 0) throw new Error('could not install scripts/bench/eleventy');
}

/** Runs a command and samples the RSS of it and its descendants every 50 ms. */
function measure(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Measure> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1', NO_COLOR: '1', ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    let mainRss = 0;
    let childRss = 0;
    const sample = () => {
      const tree = processTree(child.pid!);
      mainRss = Math.max(mainRss, rssKb(child.pid!));
      childRss = Math.max(childRss, tree.filter((p) => p !== child.pid && !isNode(p)).reduce((sum, p) => sum + rssKb(p), 0));
    };
    const timer = setInterval(sample, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ wallMs: performance.now() - started, mainRssMb: mainRss / 1024, childRssMb: childRss / 1024, ok: code === 0, output: output.trim().split('\n').slice(-3).join(' | ') });
    });
  });
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function isNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('node');
  } catch {
    return false;
  }
}

function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/** `folio dev` from spawn to the last byte of `page` (the home page, or a post), with no render cache. */
async function devFirstPage(cwd: string, page = '/'): Promise<Measure> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'dev', '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  const url = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 60_000);
    const check = (d: Buffer) => {
      output += d;
      const m = /(http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', (d: Buffer) => (output += d));
  });
  const ok = url !== undefined && (await fetch(new URL(page, url)).then((r) => r.ok && r.text().then(() => true), () => false));
  const wallMs = performance.now() - started;
  const mainRssMb = rssKb(child.pid!) / 1024;
  child.kill('SIGTERM');
  return { wallMs, mainRssMb, childRssMb: 0, ok, output: output.trim().split('\n').slice(-2).join(' | ') };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

const CASES = {
  eleventy: 'Eleventy 3 (markdown-it + KaTeX + Prism: posts, tag pages, index)',
  floor: 'single-thread unified floor (posts only)',
  cold: 'Folio cold build',
  coldNoSearch: 'Folio cold build, `--no-search`',
  warmEdit: 'Folio warm build, one post edited',
  warmNoop: 'Folio warm build, no change',
  devFirst: '`folio dev`, empty cache: start to home page',
  devPost: '`folio dev`, empty cache: start to a post page',
} as const;
type Case = keyof typeof CASES;

async function benchRound(posts: number, dir: string): Promise<Record<Case, Measure>> {
  const build = (...extra: string[]) => measure(process.execPath, [BIN, 'build', '--out', 'out', '--quiet', ...extra], dir);
  const clean = () => {
    rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
    rmSync(path.join(dir, 'out'), { recursive: true, force: true });
    rmSync(path.join(dir, 'eleventy-out'), { recursive: true, force: true });
  };
  clean();
  console.error(`[${posts}] Eleventy…`);
  const eleventy = await measure(process.execPath, [ELEVENTY_BIN, `--config=${path.join(ELEVENTY_DIR, 'eleventy.config.js')}`, '--output=eleventy-out', '--quiet'], dir, {
    FOLIO_BENCH_INPUT: path.join(dir, 'content'),
  });
  console.error(`[${posts}] floor…`);
  const floor = await measure(process.execPath, ['--import', TSX_LOADER, FLOOR, path.join(dir, 'content')], dir);
  clean();
  console.error(`[${posts}] cold build…`);
  const cold = await build();
  clean();
  console.error(`[${posts}] cold build --no-search…`);
  const coldNoSearch = await build('--no-search');
  // Warm builds start from a complete cold build with search.
  clean();
  await build();
  const edited = path.join(dir, 'content/posts/00/post-00001.md');
  appendFileSync(edited, '\n增量构建测试：这一段是新加的。\n');
  console.error(`[${posts}] warm build, one post edited…`);
  const warmEdit = await build();
  console.error(`[${posts}] warm build, nothing changed…`);
  const warmNoop = await build();
  rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
  console.error(`[${posts}] dev server, first page (no cache)…`);
  const devFirst = await devFirstPage(dir);
  rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
  console.error(`[${posts}] dev server, first post page (no cache)…`);
  const devPost = await devFirstPage(dir, `/posts/post-${String(Math.floor(posts / 2)).padStart(5, '0')}/`);
  return { eleventy, floor, cold, coldNoSearch, warmEdit, warmNoop, devFirst, devPost };
}

/** Median wall time over rounds; the highest peaks; ok only if every round was. */
function combine(all: Measure[]): Measure {
  const walls = all.map((m) => m.wallMs).sort((a, b) => a - b);
  const mid = walls.length / 2;
  const wallMs = walls.length % 2 ? walls[Math.floor(mid)]! : (walls[mid - 1]! + walls[mid]!) / 2;
  return {
    wallMs,
    mainRssMb: Math.max(...all.map((m) => m.mainRssMb)),
    childRssMb: Math.max(...all.map((m) => m.childRssMb)),
    ok: all.every((m) => m.ok),
    output: all.find((m) => !m.ok)?.output ?? all[0]!.output,
  };
}

async function benchSize(posts: number) {
  const dir = mkdtempSync(path.join(tmpdir(), `folio-bench-${posts}-`));
  writeCorpus(path.join(dir, 'content'), { posts, seed: 2026 });
  const runs: Record<Case, Measure>[] = [];
  // Each round appends a line to the same post, so every round's warm build has one edit to see.
  for (let i = 0; i < rounds; i++) runs.push(await benchRound(posts, dir));
  rmSync(dir, { recursive: true, force: true });
  const result = { posts } as { posts: number } & Record<Case, Measure>;
  for (const k of Object.keys(CASES) as Case[]) result[k] = combine(runs.map((r) => r[k]));
  return result;
}

ensureEleventy();
const results = [];
for (const n of sizes) results.push(await benchSize(n));

const lines = [
  '# Benchmarks',
  '',
  `Measured by \`npm run bench -- --sizes ${sizes.join(',')} --rounds ${rounds}\` in one run on ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}${rounds > 1 ? `; wall times are medians of ${rounds} rounds` : ''}.`,
  'Corpora are generated by `scripts/bench/corpus.ts` (seeded: mixed Chinese and English, ~40% of posts with KaTeX math,',
  '~70% with code). The floor is `scripts/bench/floor.ts`: gray-matter + remark-parse/gfm/math + remark-rehype +',
  'rehype-katex + rehype-highlight + stringify on one thread, rendering posts only (no pages, feeds or search).',
  'Eleventy is `scripts/bench/eleventy/` (its own lock file: @11ty/eleventy 3.1, markdown-it with @mdit/plugin-katex, the',
  'Prism syntax-highlight plugin), building post pages, one page per tag and an index from the same corpus.',
  'Wall time includes process start-up. Peak memory is sampled from /proc every 50 ms: the Node process (with its',
  'worker threads), and separately the search indexer (Pagefind) child processes. This machine is shared and noisy:',
  'compare ratios within one run, not seconds across runs.',
  '',
  '| posts | what | wall | vs Eleventy | vs floor | per post | Node peak | indexer peak | ok |',
  '|---:|---|---:|---:|---:|---:|---:|---:|:-:|',
];
for (const r of results) {
  for (const k of Object.keys(CASES) as Case[]) {
    const m = r[k];
    lines.push(
      `| ${r.posts} | ${CASES[k]} | ${s(m.wallMs)} | ${ratio(m.wallMs, r.eleventy.wallMs)} | ${ratio(m.wallMs, r.floor.wallMs)} | ${(m.wallMs / r.posts).toFixed(2)} ms | ${m.mainRssMb.toFixed(0)} MB | ${m.childRssMb ? `${m.childRssMb.toFixed(0)} MB` : '–'} | ${m.ok ? '✓' : '✗'} |`,
    );
  }
}
if (results.length > 1) {
  const first = results[0]!;
  const last = results.at(-1)!;
  lines.push('', `Cost per post of a cold build at ${last.posts} posts vs ${first.posts}: ${ratio(last.cold.wallMs / last.posts, first.cold.wallMs / first.posts)} (target ≤ 1.2×).`);
}
const failures = results.flatMap((r) => (Object.keys(CASES) as Case[]).filter((k) => !r[k].ok).map((k) => `${r.posts} ${k}: ${r[k].output}`));
if (failures.length) lines.push('', 'Failures:', ...failures.map((f) => `- ${f}`));
const text = `${lines.join('\n')}\n`;
mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
// The measured part replaces what lies between the markers, so the notes around it (the profile,
// what each change bought) stay; a file without markers is replaced whole.
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const previous = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
const [from, to] = [previous.indexOf(START), previous.indexOf(END)];
writeFileSync(values.out, from >= 0 && to > from ? `${previous.slice(0, from)}${START}\n${text}${previous.slice(to)}` : `${START}\n${text}${END}\n`);
process.stdout.write(text);
