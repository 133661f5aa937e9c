import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { listFiles, makeProject, removeProject } from '../helpers/fixture.ts';

function treeHash(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, createHash('sha1').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

describe('parallel and incremental builds', () => {
  let project: string;
  beforeAll(() => {
    project = makeProject({});
    writeCorpus(path.join(project, 'content'), { posts: 80, seed: 7 });
  });
  afterAll(() => removeProject(project));

  it('writes the same bytes on a worker pool as on one thread', async () => {
    const serial = await build({ root: project, outDir: path.join(project, 'serial'), search: false, cache: false, threads: 0 });
    const parallel = await build({ root: project, outDir: path.join(project, 'parallel'), search: false, cache: false, threads: 1 });
    expect(serial.ok && parallel.ok).toBe(true);
    expect(serial.stats.posts).toBe(80);
    expect(treeHash(path.join(project, 'parallel'))).toEqual(treeHash(path.join(project, 'serial')));
  });

  it('re-renders only the edited post and rewrites only files whose bytes change', async () => {
    const out = path.join(project, 'out');
    const first = await build({ root: project, outDir: out, search: false });
    expect(first.stats.rendered).toBe(80);
    const untouched = path.join(out, 'posts/post-00003/index.html');
    const inodeBefore = statSync(untouched).ino;
    const edited = path.join(project, 'content/posts/00/post-00005.md');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n新增的一段：增量构建只重新渲染这一篇。\n`);
    const second = await build({ root: project, outDir: out, search: false });
    expect(second.ok).toBe(true);
    expect(second.stats).toMatchObject({ cached: 79, rendered: 1 });
    // Only pages that show the edited post are rendered again: its own, its neighbours', the
    // lists and feeds it appears in. Every other page is linked from the last output.
    expect(second.stats.reusedPages).toBeGreaterThan(second.stats.files - 60);
    expect(readFileSync(path.join(out, 'posts/post-00005/index.html'), 'utf8')).toContain('增量构建只重新渲染这一篇');
    // The unchanged page is the very same file (hard-linked), so uploads skip it.
    expect(statSync(untouched).ino).toBe(inodeBefore);
  });

  it('after edits to titles, tags and dates, writes exactly what a clean build writes', async () => {
    const out = path.join(project, 'out');
    await build({ root: project, outDir: out, search: false });
    const file = path.join(project, 'content/posts/00/post-00011.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^title: .*$/m, 'title: "改过的标题"')
        .replace(/^tags: .*$/m, 'tags: ["新标签", "BERT"]')
        .replace(/^date: .*$/m, 'date: 2026-03-01'),
    );
    const incremental = await build({ root: project, outDir: out, search: false });
    expect(incremental.ok).toBe(true);
    expect(incremental.stats.reusedPages).toBeGreaterThan(0);
    const clean = await build({ root: project, outDir: path.join(project, 'clean'), search: false, cache: false });
    expect(clean.ok).toBe(true);
    expect(treeHash(out)).toEqual(treeHash(path.join(project, 'clean')));
  });

  it('does nothing when nothing changed, and rebuilds when the output was tampered with', async () => {
    const out = path.join(project, 'out');
    await build({ root: project, outDir: out, search: false });
    const before = treeHash(out);
    const again = await build({ root: project, outDir: out, search: false });
    expect(again.stats.upToDate).toBe(true);
    expect(treeHash(out)).toEqual(before);
    writeFileSync(path.join(out, 'index.html'), 'tampered');
    const fixed = await build({ root: project, outDir: out, search: false });
    expect(fixed.stats.upToDate).toBeFalsy();
    expect(treeHash(out)).toEqual(before);
  });

  it('falls back to rendering when the cache is corrupt, never to a wrong page', async () => {
    const out = path.join(project, 'out-corrupt');
    const clean = await build({ root: project, outDir: out, search: false, cache: false });
    expect(clean.ok).toBe(true);
    const expected = treeHash(out);
    await build({ root: project, outDir: path.join(project, 'warm'), search: false });
    const renderDir = path.join(project, '.cache/folio/render');
    const entries = readdirSync(renderDir);
    expect(entries.length).toBeGreaterThan(0);
    entries.forEach((name, i) => writeFileSync(path.join(renderDir, name), i % 2 ? '{"html": 1' : JSON.stringify({ html: '<p>wrong</p>', diagnostics: [] })));
    const rebuilt = await build({ root: project, outDir: out, search: false });
    expect(rebuilt.ok).toBe(true);
    expect(rebuilt.stats.rendered).toBe(80);
    expect(treeHash(out)).toEqual(expected);
  });
});
