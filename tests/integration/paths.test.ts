import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AtomicOutput } from '../../src/output/writer.ts';
import { folio, listFiles, makeProject, post, removeProject } from '../helpers/fixture.ts';
import { hashTree, treeDiff } from '../helpers/tree.ts';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

function project(files: Record<string, string>): string {
  const dir = makeProject({ 'content/posts/ok.md': post({ title: '正常', date: '2025-01-01' }, '正文。'), ...files });
  projects.push(dir);
  return dir;
}

/** A directory outside the project that content tries to reach. */
function outsideDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'folio-outside-'));
  projects.push(dir);
  writeFileSync(path.join(dir, 'secret.md'), post({ title: '外面的文章', date: '2025-01-01' }, '不该被发布。'));
  writeFileSync(path.join(dir, 'secret.png'), 'not really a png, but a secret');
  return dir;
}

describe('symbolic links in content/', () => {
  it('a post that is a link to a file outside content/ is refused at that file', () => {
    const outside = outsideDir();
    const dir = project({});
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'content/posts/linked.md'));
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/posts\/linked\.md:1:1: error: symbolic link points outside the content directory/m);
  });

  it('a folder that is a link to outside content/ is refused', () => {
    const outside = outsideDir();
    const dir = project({});
    symlinkSync(outside, path.join(dir, 'content/posts/elsewhere'));
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/posts\/elsewhere:1:1: error: symbolic link points outside the content directory/m);
  });

  it('an image that is a link to a file outside content/ is refused at the image, and never copied', () => {
    const outside = outsideDir();
    const dir = project({ 'content/posts/pic.md': post({ title: '图片', date: '2025-01-02' }, '正文。\n\n![秘密](./secret.png)') });
    symlinkSync(path.join(outside, 'secret.png'), path.join(dir, 'content/posts/secret.png'));
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/posts\/pic\.md:8:1: error: image "\.\/secret\.png" is a symbolic link to .*secret\.png, outside the content directory; refused/m);
  });

  it('links that stay inside content/ are followed', () => {
    const dir = project({ 'content/shared/figure.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 'content/posts/fig.md': post({ title: '共享的图', date: '2025-01-02' }, '![共享](./figure.svg)') });
    symlinkSync(path.join(dir, 'content/shared/figure.svg'), path.join(dir, 'content/posts/figure.svg'));
    const r = folio(dir, 'build', '--out', 'out', '--no-search');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(listFiles(path.join(dir, 'out'))).toContain('posts/fig/figure.svg');
  });
});

describe('nothing in the content writes outside the output directory', () => {
  it('hostile tag, category, series and file names all land inside out/', () => {
    const names = ['../../evil', '/etc/passwd', '..', '.', '%2e%2e%2f', '..\\\\..\\\\win', 'a/../../b', '~', '$HOME', 'CON', 'index.html', 'feed.xml', '../../../tmp/x'];
    const quoted = (s: string) => JSON.stringify(s);
    const files: Record<string, string> = {
      'content/posts/odd-names.md': post(
        { title: '奇怪的名字', date: '2025-01-03', tags: `[${names.map(quoted).join(', ')}]`, category: quoted('../../category'), series: quoted('../series') },
        '正文。\n\n![空格](./a%20b.svg) [点](./..x.svg)',
      ),
      'content/posts/a b.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      'content/posts/..x.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    };
    const dir = project(files);
    const before = hashTree(dir);
    const r = folio(dir, 'build', '--out', 'site/out', '--no-search');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The only new files in the project are the output and the cache.
    const changed = treeDiff(before, hashTree(dir));
    expect(changed.filter((f) => !f.startsWith('site/out/') && !f.startsWith('.cache/'))).toEqual([]);
    expect(changed.some((f) => f.startsWith('site/out/tags/'))).toBe(true);
    // Beside the output (where `out/../x` would land) there is only the output.
    expect(readdirSync(path.join(dir, 'site')).filter((n) => !n.startsWith('.out.folio-staging-'))).toEqual(['out']);
  });

  it('the writer refuses relative paths that leave the staging directory', async () => {
    const dir = project({});
    const out = new AtomicOutput(path.join(dir, 'out'));
    try {
      for (const bad of ['../x.html', '../../x', '/etc/x', 'a/../../x', '..']) {
        await expect(out.write([{ path: bad, content: 'x' }]), bad).rejects.toThrow(/outside the output directory/);
      }
      expect(listFiles(dir).filter((f) => f.endsWith('x.html') || f === 'x')).toEqual([]);
    } finally {
      out.abort();
    }
  });
});
