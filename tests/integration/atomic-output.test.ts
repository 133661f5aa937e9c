import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, folio, removeProject, writeFiles } from '../helpers/fixture.ts';
import { manyPosts } from '../helpers/many-posts.ts';
import { hashTree, treeDiff } from '../helpers/tree.ts';

/**
 * A build that fails or is interrupted (SIGINT, SIGTERM, SIGKILL) in the middle of a 400-post
 * site must leave the previous output byte for byte as it was; the next build cleans up.
 */
const POSTS = 400;
let template: string;
let published: Map<string, string>;

beforeAll(() => {
  template = mkdtempSync(path.join(tmpdir(), 'folio-atomic-'));
  writeFiles(template, manyPosts(POSTS));
  const r = folio(template, 'build', '--out', 'out', '--no-search');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  published = hashTree(path.join(template, 'out'));
  expect(published.size).toBeGreaterThan(POSTS);
});
afterAll(() => removeProject(template));

/** A copy of the built project whose next build would change the output (a post was edited). */
function changedProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-atomic-'));
  cpSync(template, dir, { recursive: true });
  // No render cache: the whole site is rendered and written again.
  rmSync(path.join(dir, '.cache'), { recursive: true, force: true });
  writeFiles(dir, { 'content/posts/p0000.md': '---\ntitle: 改过的第一篇\ndate: 2023-12-01\n---\n\n新的内容。\n\n## 方法\n\n方法。\n' });
  return dir;
}

const stagingDirs = (dir: string, pid?: number) =>
  readdirSync(dir).filter((n) => n.startsWith('.out.folio-staging-') && (pid === undefined || n === `.out.folio-staging-${pid}`));

type Moment = 'staging created' | 'pages being written';

/** Starts a build and sends `signal` at `moment`; resolves with how the process ended. */
async function interruptedBuild(dir: string, signal: NodeJS.Signals, moment: Moment) {
  const child = spawn(process.execPath, [BIN, 'build', '--out', 'out', '--no-search'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  const staging = path.join(dir, `.out.folio-staging-${child.pid}`);
  const reached = () => (moment === 'staging created' ? existsSync(staging) : existsSync(path.join(staging, 'posts', 'p0200')));
  let sent = false;
  while (child.exitCode === null && child.signalCode === null) {
    if (reached()) {
      child.kill(signal);
      sent = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const end = await ended;
  return { ...end, sent, stderr, pid: child.pid! };
}

describe(`interrupting a ${POSTS}-post build`, () => {
  const cases: [NodeJS.Signals, Moment][] = [
    ['SIGINT', 'staging created'],
    ['SIGTERM', 'staging created'],
    ['SIGTERM', 'pages being written'],
    ['SIGKILL', 'staging created'],
    ['SIGKILL', 'pages being written'],
  ];
  for (const [signal, moment] of cases) {
    it(`${signal} when the ${moment} leaves the previous output byte-identical`, async () => {
      const dir = changedProject();
      try {
        const r = await interruptedBuild(dir, signal, moment);
        expect(r.sent, `the build finished before the ${moment}`).toBe(true);
        expect(r.code === 0 && r.signal === null, 'the interrupted build reported success').toBe(false);
        expect(treeDiff(published, hashTree(path.join(dir, 'out')))).toEqual([]);
        if (signal === 'SIGKILL') {
          // Nothing can run on SIGKILL: the half-written staging directory stays until the next build.
          expect(stagingDirs(dir, r.pid)).toHaveLength(1);
        } else {
          // SIGINT/SIGTERM abort cleanly: staging removed, exit status of a process killed by it.
          expect(stagingDirs(dir, r.pid)).toEqual([]);
          expect(r.code ?? 0).toBeGreaterThan(128);
          expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
        }
        // The next build completes, replaces the output and removes what the dead build left.
        const next = folio(dir, 'build', '--out', 'out', '--no-search');
        expect(next.code).toBe(0);
        expect(stagingDirs(dir, r.pid)).toEqual([]);
        expect(treeDiff(published, hashTree(path.join(dir, 'out')))).toContain('posts/p0000/index.html');
      } finally {
        removeProject(dir);
      }
    });
  }

  it('a build that fails after its pages were staged (a broken link in the output) leaves the output as it was', () => {
    const dir = changedProject();
    try {
      // Raw HTML links are not source links: only the output link check catches this one.
      writeFiles(dir, { 'content/posts/p0001.md': '---\ntitle: 坏链接\ndate: 2024-01-02\n---\n\n<a href="/posts/no-such-post/">坏链接</a>\n' });
      const r = folio(dir, 'build', '--out', 'out', '--no-search');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('broken link /posts/no-such-post/');
      expect(treeDiff(published, hashTree(path.join(dir, 'out')))).toEqual([]);
      expect(stagingDirs(dir)).toEqual([]);
    } finally {
      removeProject(dir);
    }
  });

  it('a build with content errors leaves the output as it was and stages nothing', () => {
    const dir = changedProject();
    try {
      writeFiles(dir, { 'content/posts/p0002.md': '---\ntitle: 坏公式\ndate: 2024-01-03\n---\n\n$\\frac{1$\n' });
      const r = folio(dir, 'build', '--out', 'out', '--no-search');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/content\/posts\/p0002\.md:6:\d+: error: KaTeX/);
      expect(treeDiff(published, hashTree(path.join(dir, 'out')))).toEqual([]);
      expect(stagingDirs(dir)).toEqual([]);
    } finally {
      removeProject(dir);
    }
  });
});
