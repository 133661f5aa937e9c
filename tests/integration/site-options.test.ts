import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { startDev } from '../helpers/dev.ts';
import { folio, makeProject, post, read, removeProject } from '../helpers/fixture.ts';

/** A site kept in its own folder (`blog/`), worked on from the folder above it. */
describe('--root, --config and --content on every command', () => {
  let parent: string;
  beforeAll(() => {
    const files = Object.fromEntries(Object.entries(basicSite).map(([k, v]) => [`blog/${k}`, v]));
    parent = makeProject({
      ...files,
      'blog/site.config.ts': "export default { title: '子目录里的站', url: 'https://example.org' };\n",
      'blog/staging.config.mjs': "export default { title: '预发布', url: 'https://staging.example.org', base: '/preview/' };\n",
      'blog/drafts/posts/only.md': post({ title: '另一个内容目录', date: '2026-01-01' }, '只在 drafts/ 里的文章。'),
    });
  });
  afterAll(() => removeProject(parent));

  it('build and check work on the site folder named by --root', () => {
    const built = folio(parent, 'build', '--root', 'blog', '--no-search');
    expect(built.stdout).toMatch(/ into blog\/dist in /);
    expect(built.code).toBe(0);
    expect(read(parent, 'blog/dist/index.html')).toContain('<title>子目录里的站</title>');
    expect(existsSync(path.join(parent, 'dist'))).toBe(false);
    const checked = folio(parent, 'check', '--root', 'blog');
    expect(checked.stdout).toBe('no broken links in blog/dist\n');
    expect(checked.code).toBe(0);
  });

  it('--config picks another config file, relative to the current folder', () => {
    const built = folio(parent, 'build', '--root', 'blog', '--config', 'blog/staging.config.mjs', '--out', 'staging', '--no-search');
    expect(built.code).toBe(0);
    const home = read(parent, 'staging/index.html');
    expect(home).toContain('<title>预发布</title>');
    expect(home).toContain('href="/preview/posts/mae/"');
    expect(folio(parent, 'check', 'staging', '--root', 'blog', '--config', 'blog/staging.config.mjs').code).toBe(0);
  });

  it('new writes into the site folder', () => {
    const r = folio(parent, 'new', '第三篇', '--slug', 'third', '--root', 'blog');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('blog/content/posts/third.md\n');
    expect(read(parent, 'blog/content/posts/third.md')).toMatch(/^title: "第三篇"$/m);
  });

  it('dev serves the site folder, from another content folder with --content', async () => {
    const dev = await startDev(parent, { args: ['--root', 'blog', '--content', 'blog/drafts'] });
    try {
      const home = await (await fetch(dev.url)).text();
      expect(home).toContain('<title>子目录里的站</title>');
      expect(home).toContain('另一个内容目录');
      expect(home).not.toContain('MAE：掩码自编码器');
    } finally {
      await dev.stop();
    }
  });
});
