import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { BIN, makeProject, removeProject, REPO, writeFiles } from '../helpers/fixture.ts';
import { manyPosts } from '../helpers/many-posts.ts';
import { hashTree, treeDiff, treeDigest } from '../helpers/tree.ts';

/**
 * Two builds of the same input are byte-identical, whatever the time zone of the machine, the
 * order in which the file system lists directories, and where the project lives. The whole
 * output is hashed, search index included.
 */
const REVERSE = pathToFileURL(path.join(REPO, 'tests/helpers/reverse-readdir.mjs')).href;
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));

function site(): Record<string, string> {
  // Posts written late in the year in one zone fall on another day (and month) in UTC.
  const edge = '---\ntitle: 跨年夜\ndate: 2025-12-31T23:30:00+08:00\ntags: [时区]\n---\n\n零点前后。\n';
  return { ...basicSite, ...manyPosts(40), 'content/posts/edge.md': edge };
}

function build(cwd: string, env: NodeJS.ProcessEnv): Map<string, string> {
  const r = spawnSync(process.execPath, [BIN, 'build', '--out', 'out', '--url', 'https://example.org'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: '1', ...env } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return hashTree(path.join(cwd, 'out'));
}

describe('deterministic output', () => {
  it('TZ=UTC vs TZ=Asia/Shanghai, directory order reversed, another folder: the same bytes', () => {
    const a = makeProject(site());
    dirs.push(a);
    // The second project is a copy written file by file in reverse order, somewhere else.
    const b = mkdtempSync(path.join(tmpdir(), 'folio-determinism-other-'));
    dirs.push(b);
    const files = Object.entries(site()).reverse();
    writeFiles(b, Object.fromEntries(files));

    const first = build(a, { TZ: 'UTC', LANG: 'C.UTF-8' });
    const second = build(b, { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', NODE_OPTIONS: `--import=${REVERSE}` });
    expect(first.size).toBeGreaterThan(100);
    expect([...first.keys()].some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(treeDiff(first, second)).toEqual([]);
    console.log(`${first.size} files, tree digest ${treeDigest(first)} in both builds`);
  });

  it('a rebuild with a warm cache, and one after the cache is deleted, write the same bytes', () => {
    const a = makeProject(site());
    dirs.push(a);
    const cold = build(a, { TZ: 'America/Los_Angeles' });
    // Touch every source: the content is the same, only the files' times change.
    const copy = mkdtempSync(path.join(tmpdir(), 'folio-determinism-copy-'));
    dirs.push(copy);
    cpSync(path.join(a, 'content'), path.join(copy, 'content'), { recursive: true, preserveTimestamps: false });
    rmSync(path.join(a, 'content'), { recursive: true });
    cpSync(path.join(copy, 'content'), path.join(a, 'content'), { recursive: true });
    const warm = build(a, { TZ: 'Pacific/Kiritimati' });
    rmSync(path.join(a, '.cache'), { recursive: true, force: true });
    const again = build(a, { TZ: 'UTC', NODE_OPTIONS: `--import=${REVERSE}` });
    expect(treeDiff(cold, warm)).toEqual([]);
    expect(treeDiff(cold, again)).toEqual([]);
  });
});
