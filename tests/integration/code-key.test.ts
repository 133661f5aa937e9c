// Every cache is keyed on Folio's own code: editing a Markdown plugin or a template is seen by
// the next build, never hidden behind "13 of 13 documents from the cache" (issue 13's finding).
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, post, read, REPO, removeProject } from '../helpers/fixture.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));

describe('one cache key over the generator itself', () => {
  it('a build after editing a plugin and a template shows both edits, with the cache warm', { timeout: 240_000 }, () => {
    // A copy of the generator whose sources this test may edit; the libraries are the repo's.
    const folio = mkdtempSync(path.join(tmpdir(), 'folio-copy-'));
    dirs.push(folio);
    for (const name of ['bin', 'src', 'templates', 'package.json', 'tsconfig.json']) cpSync(path.join(REPO, name), path.join(folio, name), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(folio, 'node_modules'));
    const site = makeProject({
      'content/posts/pic.md': post({ title: '图', date: '2025-01-01' }, '![示意图](./a.svg)'),
      'content/posts/a.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>',
    });
    dirs.push(site);
    const build = () => {
      const r = spawnSync(process.execPath, [path.join(folio, 'bin/folio.js'), 'build', '--no-search'], { cwd: site, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return r.stdout;
    };
    build();
    expect(build()).toMatch(/nothing changed/);
    const edit = (rel: string, from: string, to: string) => {
      const file = path.join(folio, rel);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(from);
      writeFileSync(file, text.replace(from, to));
    };
    edit('src/markdown/figure.ts', "tagName: 'figure', properties: {}", "tagName: 'figure', properties: { className: ['edited-figure'] }");
    edit('templates/layout.ts', "h('footer', { className: ['site-footer'] }", "h('footer', { className: ['site-footer', 'edited-footer'] }");
    const out = build();
    expect(out).toMatch(/0 of 1 document from the cache/);
    const page = read(site, 'dist/posts/pic/index.html');
    expect(page).toContain('<figure class="edited-figure">');
    expect(page).toContain('edited-footer');
  });
});
