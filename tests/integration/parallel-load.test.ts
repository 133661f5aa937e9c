import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { loadContent, loadContentParallel, type LoadResult } from '../../src/content/load.ts';
import { listFiles, makeProject, removeProject } from '../helpers/fixture.ts';

/**
 * A large site's files are parsed on this thread and a worker thread together: what the load
 * gives (documents in order, every field, every diagnostic at its file:line:col) and what the
 * build writes must be exactly what a load on one thread gives.
 */
const BROKEN: Record<string, string | Uint8Array> = {
  'posts/bad/unknown-field.md': '---\ntitle: 多余字段\ndate: 2024-01-02\nauthor: 某人\n---\n\n正文。\n',
  'posts/bad/no-title.md': '---\ndate: 2024-01-03\n---\n\n正文。\n',
  'posts/bad/bad-date.md': '---\ntitle: 日期错误\ndate: 2024-13-40\n---\n\n正文。\n',
  'posts/bad/unclosed-quote.md': '---\ntitle: "没有闭合\ndate: 2024-01-04\n---\n\n正文。\n',
  'posts/bad/tag-item.md': '---\ntitle: 标签\ndate: 2024-01-05\ntags: [好, {a: 1}]\n---\n\n正文。\n',
  'posts/bad/unclosed.md': '---\ntitle: 没有结束\ndate: 2024-01-06\n\n正文。\n',
  'posts/bad/latin1.md': new Uint8Array([...Buffer.from('---\ntitle: caf'), 0xe9, ...Buffer.from('\ndate: 2024-01-07\n---\n')]),
  'posts/bad/empty.md': '',
  'posts/bad/dup-slug.md': '---\ntitle: 重复\ndate: 2024-01-08\nslug: post-0001\n---\n\n正文。\n',
  'posts/bad/draft.md': '---\ntitle: 草稿\ndate: 2024-01-09\ndraft: true\n---\n\n草稿。\n',
  'pages/about.md': '---\ntitle: 关于\n---\n\n关于本站。\n',
};

/** Short posts, so the build renders quickly, with every kind of frontmatter value. */
function smallSite(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000 * 1.7).toISOString().slice(0, 10);
    const lines = [
      `title: "第 ${i} 篇：${['对比学习', 'MAE', '分布式训练', '量化'][i % 4]}"`,
      `date: ${i % 3 === 0 ? `${day} ${String(i % 24).padStart(2, '0')}:30` : day}`,
      ...(i % 5 === 0 ? [`updated: ${day}T23:10:00+02:00`] : []),
      `tags: [t${i % 7}, 标签${i % 5}]`,
      `category: ${['论文', '工程', '数学'][i % 3]}`,
      ...(i % 11 === 0 ? [`series: 系列${i % 4}`, `seriesOrder: ${i}`] : []),
      ...(i % 13 === 0 ? [`aliases: [/old/${i}/]`] : []),
      ...(i % 17 === 0 ? [`slug: 文章-${i}`] : []),
      ...(i % 19 === 0 ? [`summary: 摘要 ${i}`] : []),
    ];
    const link = i > 0 ? `见 [上一篇](./post-${String(i - 1).padStart(4, '0')}.md)。` : '';
    files[`posts/post-${String(i).padStart(4, '0')}.md`] = `---\n${lines.join('\n')}\n---\n\n第 ${i} 篇的正文，$x^${i % 9}$。${link}\n\n## 小节\n\n- 一\n- 二\n`;
  }
  return files;
}

function writeAll(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

/** Everything a load gives, as plain data (a document's source and body are read through getters). */
function plain(result: LoadResult) {
  return {
    docs: result.docs.map((d) => ({ kind: d.kind, rel: d.rel, file: d.file, source: d.source, body: d.body, digest: d.digest, fm: d.fm, slug: d.slug, path: d.path, aliases: d.aliases })),
    diagnostics: result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.rule}: ${d.message}`),
  };
}

describe('loading a large site on two threads', () => {
  let project: string;
  const content = () => path.join(project, 'content');
  const options = () => ({ contentDir: content(), timeZone: 'Asia/Shanghai', drafts: false, display: (abs: string) => path.relative(project, abs) });

  beforeAll(() => {
    project = makeProject({});
    writeAll(content(), smallSite(620));
  });
  afterAll(() => removeProject(project));

  it('gives the documents and diagnostics of a load on one thread, with or without the parse cache', async () => {
    writeAll(content(), BROKEN);
    const single = plain(loadContent(options()));
    const parallel = plain(await loadContentParallel({ ...options(), parallel: true }));
    // The site is what it should be: the corpus and the page, each broken file reported at its line.
    expect(single.docs.length).toBe(620 + 1);
    expect(single.diagnostics).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/posts\/bad\/unknown-field\.md:4:1: frontmatter\/unknown-field: /),
        expect.stringMatching(/^content\/posts\/bad\/no-title\.md:2:1: .*title is required/),
        expect.stringMatching(/^content\/posts\/bad\/bad-date\.md:3:\d+: .*not a real date/),
        expect.stringMatching(/^content\/posts\/bad\/unclosed-quote\.md:2:\d+: frontmatter\/yaml: /),
        expect.stringMatching(/^content\/posts\/bad\/tag-item\.md:4:\d+: frontmatter\/tags: /),
        expect.stringMatching(/^content\/posts\/bad\/unclosed\.md:1:1: frontmatter\/unclosed: /),
        expect.stringMatching(/^content\/posts\/bad\/latin1\.md:2:\d+: file\/encoding: /),
        expect.stringMatching(/^content\/posts\/bad\/empty\.md:1:1: file\/empty: /),
        expect.stringMatching(/^content\/posts\/bad\/dup-slug\.md:4:\d+: content\/duplicate-slug: /),
      ]),
    );
    expect(parallel).toEqual(single);

    // Parsed on the worker and kept in the parse cache, then given back from it.
    const cacheDir = path.join(project, '.cache', 'folio');
    const cold = plain(await loadContentParallel({ ...options(), cacheDir, cacheKey: 'k', parallel: true }));
    expect(cold).toEqual(single);
    const warm = plain(await loadContentParallel({ ...options(), cacheDir, cacheKey: 'k', parallel: true }));
    expect(warm).toEqual(single);
  });

  it('a build writes the same bytes whether its files were parsed on one thread or two', async () => {
    for (const rel of Object.keys(BROKEN)) writeFileSync(path.join(content(), rel), rel === 'pages/about.md' ? BROKEN[rel]! : '---\ntitle: 已修好\ndate: 2024-02-01\n---\n\n已修好。\n');
    const tree = (dir: string) => new Map(listFiles(dir).map((f) => [f, createHash('sha1').update(readFileSync(path.join(dir, f))).digest('hex')]));
    const two = await build({ root: project, outDir: path.join(project, 'two'), search: false, cache: false });
    expect(two.ok, two.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    const one = await build({ root: project, outDir: path.join(project, 'one'), search: false, cache: false, threads: 0 });
    expect(one.ok).toBe(true);
    expect(one.stats.posts).toBe(620 + Object.keys(BROKEN).length - 1);
    expect(tree(path.join(project, 'two'))).toEqual(tree(path.join(project, 'one')));
  }, 300_000);
});
