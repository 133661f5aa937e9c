// Building Markdown that someone else wrote (issue 11): every finding of the security review, as
// the CLI meets it. Nothing from content runs, no command deletes what Folio did not make,
// nothing published can script the site's origin, and hostile sizes end in positioned errors.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFrontmatter, hostileSizes } from '../fixtures/hostile.ts';
import { startDev } from '../helpers/dev.ts';
import { folio, makeProject, post, removeProject, writeFiles } from '../helpers/fixture.ts';
import { hashTree, treeDiff } from '../helpers/tree.ts';

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));
const project = (files: Record<string, string>) => {
  const dir = makeProject(files);
  projects.push(dir);
  return dir;
};
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
const ok = post({ title: '正常的文章', date: '2025-01-01' }, '正文。');

describe('frontmatter is data: no language but YAML is ever evaluated', () => {
  it.each(['js', 'javascript', 'coffee', ' json'])('---%s is an error at 1:1 from build, check and new, and runs nothing', (language) => {
    const dir = project(codeFrontmatter(language));
    const built = folio(dir, 'build', '--no-search');
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^content\/posts\/evil\.md:1:1: error: only YAML frontmatter is supported: start the file with a plain `---` line/m);
    noStackTrace(built.stderr);
    // `folio new` reads the existing posts to pick a free slug.
    folio(dir, 'new', '又一篇', '--slug', 'another');
    expect(existsSync(path.join(dir, 'CANARY'))).toBe(false);
  });

  it('folio dev shows the error and runs nothing', { timeout: 90_000 }, async () => {
    const dir = project(codeFrontmatter('js'));
    const dev = await startDev(dir);
    try {
      for (const page of ['', 'posts/evil/', 'posts/ok/']) expect(await (await fetch(`${dev.url}${page}`)).text()).toMatch(/only YAML frontmatter is supported/);
    } finally {
      await dev.stop();
    }
    expect(existsSync(path.join(dir, 'CANARY'))).toBe(false);
  });
});

describe('an output folder that cannot delete a project', () => {
  const files = { 'content/posts/ok.md': ok, 'public/robots.txt': 'User-agent: *\n', 'notes.txt': 'mine' };
  const site = () => project(files);
  /** A site in a folder of its own, with a neighbour, so `..` can be watched whole. */
  const nested = () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'folio-parent-'));
    projects.push(parent);
    writeFiles(path.join(parent, 'site'), files);
    writeFiles(parent, { 'neighbour/keep.txt': 'not the site' });
    return path.join(parent, 'site');
  };

  it.each([
    ['.', /it is the site folder/],
    ['content', /it is the content folder/],
    ['public', /it is the public folder/],
    ['..', /it contains the site folder/],
    ['/', /it contains the site folder/],
    ['content/out', /inside the content folder/],
  ])('--out %s is refused with exit 2 and one line, and nothing is touched', (out, reason) => {
    const dir = nested();
    const parent = hashTree(path.dirname(dir));
    const r = folio(dir, 'build', '--out', out, '--no-search');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
    expect(treeDiff(parent, hashTree(path.dirname(dir)))).toEqual([]);
  });

  it('the home folder is refused, and a folder Folio did not write is never replaced', () => {
    const dir = site();
    const home = folio(dir, 'build', '--out', process.env.HOME ?? '/root', '--no-search');
    expect(home.code).toBe(2);
    expect(home.stderr).toMatch(/your home folder|contains/);
    writeFiles(dir, { 'mine/keep.txt': 'do not delete' });
    const r = folio(dir, 'build', '--out', 'mine', '--no-search');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to replace .*mine: it holds 1 entry that Folio did not write/);
    expect(readFileSync(path.join(dir, 'mine/keep.txt'), 'utf8')).toBe('do not delete');
  });

  it('an empty or new folder is used, marked, and replaced by the next build', () => {
    const dir = site();
    mkdirSync(path.join(dir, 'empty'));
    expect(folio(dir, 'build', '--out', 'empty', '--no-search').code).toBe(0);
    expect(existsSync(path.join(dir, 'empty/.folio-output'))).toBe(true);
    writeFiles(dir, { 'content/posts/two.md': post({ title: '第二篇', date: '2025-01-03' }, '又一篇。') });
    expect(folio(dir, 'build', '--out', 'empty', '--no-search').code).toBe(0);
    expect(existsSync(path.join(dir, 'empty/posts/two/index.html'))).toBe(true);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('nothing published can script the site', () => {
  it('an SVG whose DOCTYPE adds an onload handler is refused at the image', () => {
    const dir = project({
      'content/posts/ok.md': ok,
      'content/posts/pic/index.md': post({ title: '图', date: '2025-01-02' }, '看图：\n\n![图](./x.svg)'),
      'content/posts/pic/x.svg': '<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(document.domain)">]><svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const r = folio(dir, 'build', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^content\/posts\/pic\/index\.md:8:1: error: image "\.\/x\.svg": the SVG has a DOCTYPE with an internal subset/m);
  });

  it.each(['schema.xsd', 'grammar.rng', 'code.ecma'])('a %s attachment is refused with the allow-list', (name) => {
    const dir = project({
      'content/posts/ok.md': ok,
      'content/posts/att/index.md': post({ title: '附件', date: '2025-01-02' }, `[下载](./${name})`),
      [`content/posts/att/${name}`]: '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
    });
    const r = folio(dir, 'build', '--no-search');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^content/posts/att/index\\.md:6:1: error: link "\\./${name.replace('.', '\\.')}": \\.\\w+ files are not published, since a browser might run them as a page of this site; allowed: images \\(`, 'm'));
  });

  it('public/ publishes nothing through a symbolic link that leaves it, and no script types', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'folio-secret-'));
    projects.push(outside);
    writeFileSync(path.join(outside, 'id_rsa.txt'), 'PRIVATE KEY');
    mkdirSync(path.join(outside, 'dir'));
    const dir = project({ 'content/posts/ok.md': ok, 'public/robots.txt': 'User-agent: *\n', 'public/app.js': 'alert(1)' });
    symlinkSync(path.join(outside, 'id_rsa.txt'), path.join(dir, 'public/key.txt'));
    symlinkSync(path.join(outside, 'dir'), path.join(dir, 'public/folder'));
    symlinkSync('.', path.join(dir, 'public/self'));
    const r = folio(dir, 'build', '--no-search');
    expect(r.code).toBe(1);
    noStackTrace(r.stderr);
    expect(r.stderr).toMatch(/^public\/key\.txt:1:1: error: symbolic link points outside the public directory/m);
    expect(r.stderr).toMatch(/^public\/folder:1:1: error: symbolic link points outside the public directory/m);
    expect(r.stderr).toMatch(/^public\/self:1:1: error: symbolic link loops back/m);
    expect(r.stderr).toMatch(/^public\/app\.js:1:1: error: app\.js: \.js files are not published/m);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });
});

describe('hostile sizes end in seconds, with a positioned error where content cannot render', () => {
  // Generous: a shared two-core machine. The times are printed; the bound is the test timeout.
  it.each(hostileSizes().map((c) => [c.name, c] as const))('%s', { timeout: 120_000 }, (_, c) => {
    const dir = project(c.files);
    const started = performance.now();
    const r = folio(dir, 'build', '--no-search');
    console.log(`${c.name}: exit ${r.code} in ${Math.round(performance.now() - started)} ms`);
    noStackTrace(r.stderr);
    if (c.error) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(c.error);
    } else {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });
});
