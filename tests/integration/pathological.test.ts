import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES } from '../../src/content/decode.ts';
import { folio, makeProject, post, read, REPO, removeProject } from '../helpers/fixture.ts';

/**
 * Pathological posts neither crash the build nor stall it. No wall-clock limits here (speed lives
 * in `npm run bench`): a post that stalls the renderer hits the per-document render time limit,
 * which is an error, so every "builds" case below (exit 0, its last words on the page) also shows
 * it did not stall. The times are printed (`npx vitest run tests/integration/pathological.test.ts`).
 */
const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

function timedBuild(name: string, body: string | Buffer) {
  const dir = makeProject({
    'content/posts/ok.md': post({ title: '正常的文章', date: '2025-01-01' }, '正文。'),
    'content/posts/odd.md': typeof body === 'string' ? `---\ntitle: ${name}\ndate: 2025-01-02\n---\n\n${body}\n` : body,
  });
  projects.push(dir);
  const started = performance.now();
  const r = folio(dir, 'build', '--out', 'out', '--no-search');
  const ms = Math.round(performance.now() - started);
  console.log(`${name}: exit ${r.code} in ${ms} ms (whole CLI run)`);
  return { ...r, ms, dir };
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);

describe('pathological posts', () => {
  it('a 10 MB post fails at once with a clear message, not after minutes', () => {
    const paragraph = '自监督学习通过构造代理任务从无标注数据中学习表示，对比学习是其中重要的一支。\n\n';
    const r = timedBuild('10 MB', paragraph.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(paragraph))));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/posts\/odd\.md:1:1: error: the file is 10\.0 MB; a post may be at most 1\.0 MB/m);
    noStackTrace(r.stderr);
  });

  it('a post just under the size limit (real prose, math and code) builds', () => {
    const source = read(REPO, 'content/posts/python/pytorch-ddp.md').replace(/^---[\s\S]*?\n---\n/, '');
    // Keep its prose, math and code; drop links and images that point at files beside it.
    const chunk = `${source.replace(/!?\[([^\]]*)\]\((?!https?:)[^)]*\)/g, '$1')}\n\n`;
    const body = chunk.repeat(Math.floor((MAX_SOURCE_BYTES - 200) / Buffer.byteLength(chunk)));
    const r = timedBuild(`${(Buffer.byteLength(body) / 1024).toFixed(0)} KB of real content`, body);
    expect(r.stderr.split('\n').filter((l) => l.includes(': error:'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  for (const [name, prefix] of [
    ['10,000 nested blockquotes ("> > > …")', '> '.repeat(10_000)],
    ['10,000 nested blockquotes (">>>…")', '>'.repeat(10_000)],
    ['10,000 nested list items ("- - - …")', '- '.repeat(10_000)],
  ] as const) {
    it(`${name} build, flattened below 64 levels with a warning at the line`, () => {
      const r = timedBuild(name, `第一段。\n\n${prefix}最深处的一句话。`);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/^content\/posts\/odd\.md:8:\d+: warning: blockquotes or lists nested 10000 levels deep; only 64 are kept/m);
      expect(read(r.dir, 'out/posts/odd/index.html')).toContain('最深处的一句话。');
      });
  }

  it('10,000 nested raw <blockquote> elements fail with a positioned error, not a stack overflow', () => {
    const r = timedBuild('10,000 raw <blockquote>', `第一段。\n\n${'<blockquote>'.repeat(10_000)}太深了${'</blockquote>'.repeat(10_000)}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/posts\/odd\.md:8:1: error: this document nests too deeply to render/m);
    noStackTrace(r.stderr);
  });

  for (const [name, line] of [
    ['a 100,000-character line of ASCII', 'a'.repeat(100_000)],
    ['a 100,000-character line of Chinese', '中文'.repeat(50_000)],
    ['a 100,000-character line of emphasis markers', '*强调 '.repeat(25_000)],
    ['a 100,000-character line of formulas', '$x_i^2$ '.repeat(12_500)],
    ['a 100,000-character line of links', '[链接](https://example.org/a) '.repeat(3_500)],
  ] as const) {
    it(`${name} builds`, () => {
      const r = timedBuild(name, `开头。\n\n${line}\n\n结尾。`);
      expect(r.code, r.stderr).toBe(0);
      const html = read(r.dir, 'out/posts/odd/index.html');
      expect(html).toContain('结尾。');
      // The excerpt stays short however long the first paragraph is.
      expect(readFileSync(path.join(r.dir, 'out/index.html'), 'utf8').length).toBeLessThan(50_000);
      });
  }
});
