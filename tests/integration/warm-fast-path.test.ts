import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { listFiles, makeProject, removeProject } from '../helpers/fixture.ts';

function treeHash(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, createHash('sha1').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

/**
 * The warm fast path (a source index by stat, page keys recomputed only for pages that show a
 * changed body) must write exactly what a build from nothing writes, after every kind of change.
 */
describe('warm builds after each kind of change write the bytes of a cold build', () => {
  let project: string;
  const out = () => path.join(project, 'out');
  const post = (n: number) => path.join(project, `content/posts/00/post-${String(n).padStart(5, '0')}.md`);
  const edit = (n: number, change: (text: string) => string) => writeFileSync(post(n), change(readFileSync(post(n), 'utf8')));

  async function warmEqualsCold(search = false): Promise<BuildResult> {
    const warm = await build({ root: project, outDir: out(), search });
    expect(warm.ok, warm.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    const coldDir = path.join(project, 'cold');
    rmSync(coldDir, { recursive: true, force: true });
    const cold = await build({ root: project, outDir: coldDir, search, cache: false });
    expect(cold.ok).toBe(true);
    expect(treeHash(out())).toEqual(treeHash(coldDir));
    return warm;
  }

  beforeAll(async () => {
    project = makeProject({});
    writeCorpus(path.join(project, 'content'), { posts: 24, seed: 11 });
    expect((await build({ root: project, outDir: out(), search: false })).ok).toBe(true);
  });
  afterAll(() => removeProject(project));

  it('an edited body: one render, and only the pages that show that body are keyed again', async () => {
    edit(3, (t) => `${t}\n正文改动：快速路径只重新计算显示这篇正文的页面。\n`);
    const warm = await warmEqualsCold();
    expect(warm.stats).toMatchObject({ rendered: 1, cached: 23 });
    // Its own page and the feeds that carry its body; not every page of the site.
    expect(warm.stats.rekeyed).toBeGreaterThan(0);
    expect(warm.stats.rekeyed).toBeLessThan(warm.stats.files / 4);
    expect(readFileSync(path.join(out(), 'posts/post-00003/index.html'), 'utf8')).toContain('快速路径只重新计算');
  });

  it('an edited title, tags and body together', async () => {
    edit(5, (t) => t.replace(/^title: .*$/m, 'title: "新的标题"').replace(/^tags: .*$/m, 'tags: ["新标签"]') + '\n再加一段。\n');
    const warm = await warmEqualsCold();
    expect(warm.stats.rendered).toBe(1);
  });

  it('a post added, then deleted', async () => {
    const added = path.join(project, 'content/posts/00/added.md');
    writeFileSync(added, '---\ntitle: 新文章\ndate: 2025-06-01\ntags: [新标签]\n---\n\n新文章的正文，链接到 [第三篇](./post-00003.md)。\n');
    expect((await warmEqualsCold()).stats.rendered).toBe(1);
    rmSync(added);
    expect((await warmEqualsCold()).stats.rendered).toBe(0);
  });

  it('a file touched without change, and one whose mtime alone moved back: nothing rendered', async () => {
    edit(7, (t) => t);
    expect((await warmEqualsCold()).stats.rendered).toBe(0);
    const past = new Date(statSync(post(8)).mtimeMs - 86_400_000);
    utimesSync(post(8), past, past);
    expect((await warmEqualsCold()).stats.rendered).toBe(0);
  });

  it('with search: an edited body gives the same site and index as a cold build', async () => {
    await build({ root: project, outDir: out(), search: true });
    edit(9, (t) => `${t}\n可搜索的新词：贝叶斯优化。\n`);
    const warm = await warmEqualsCold(true);
    expect(warm.stats.rendered).toBe(1);
    // Then nothing changed: the no-change check says so, and leaves every file as it was.
    const before = treeHash(out());
    expect((await build({ root: project, outDir: out(), search: true })).stats.upToDate).toBe(true);
    expect(treeHash(out())).toEqual(before);
  });
});
