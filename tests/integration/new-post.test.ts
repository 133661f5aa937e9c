import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/content/frontmatter.ts';
import { folio, makeProject, read, REPO, removeProject } from '../helpers/fixture.ts';

// `folio new` in a copy of the shipped content/: the new post must build next to the real ones.
describe('folio new in a copy of content/', () => {
  let project: string;
  beforeAll(() => {
    project = makeProject({});
    cpSync(path.join(REPO, 'content'), path.join(project, 'content'), { recursive: true });
  });
  afterAll(() => removeProject(project));

  it('creates a draft post with the title, date, tags and category, and prints its path', () => {
    const r = folio(project, 'new', '标题', '--category', 'X', '--tags', 'a, b');
    expect(r.stderr).not.toContain('folio new:');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('content/posts/标题.md\n');
    expect(r.stderr).toContain('--drafts');
    const text = read(project, 'content/posts/标题.md');
    const parsed = parseSource(text, 'p.md', 'Asia/Shanghai');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toMatchObject({ title: '标题', tags: ['a', 'b'], category: 'X', draft: true });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(text).toContain(`\ndate: ${today}\n`);
  });

  it('builds the new post with --drafts and leaves it out without', () => {
    const withDrafts = folio(project, 'build', '--drafts', '--no-search', '--out', 'with-drafts');
    expect(withDrafts.stderr).toBe('');
    expect(withDrafts.code).toBe(0);
    const page = read(project, 'with-drafts/posts/标题/index.html');
    expect(page).toContain('<h1 class="post-title"');
    expect(page).toContain('>标题</h1>');
    expect(page).toContain('href="/categories/x/"');
    expect(existsSync(path.join(project, 'with-drafts/tags/a/index.html'))).toBe(true);
    // The real posts built beside it.
    expect(existsSync(path.join(project, 'with-drafts/posts/mae/index.html'))).toBe(true);

    const published = folio(project, 'build', '--no-search', '--out', 'published');
    expect(published.code).toBe(0);
    expect(existsSync(path.join(project, 'published/posts/mae/index.html'))).toBe(true);
    expect(existsSync(path.join(project, 'published/posts/标题'))).toBe(false);
    expect(read(project, 'published/index.html')).not.toContain('>标题<');
    expect(read(project, 'published/sitemap.xml')).not.toContain(encodeURIComponent('标题'));
  });

  it('refuses a second identical call with exit 1 and a clear message, keeping the post', () => {
    const file = path.join(project, 'content/posts/标题.md');
    const before = readFileSync(file, 'utf8');
    const r = folio(project, 'new', '标题', '--category', 'X', '--tags', 'a,b');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('content/posts/标题.md already exists');
    expect(r.stderr).toContain('--slug');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('refuses a title whose slug a shipped post already owns', () => {
    const r = folio(project, 'new', 'MAE');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/posts/self-supervised/mae.md already uses the slug "mae"');
    expect(existsSync(path.join(project, 'content/posts/mae.md'))).toBe(false);
  });

  it('takes the slug from --slug, and the content root from --content', () => {
    const r = folio(project, 'new', '掩码图像建模综述', '--slug', 'mim-survey');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('content/posts/mim-survey.md\n');
    expect(r.stderr).not.toContain('ASCII');
    expect(read(project, 'content/posts/mim-survey.md')).toContain('title: "掩码图像建模综述"');

    cpSync(path.join(project, 'content'), path.join(project, 'notes'), { recursive: true });
    const other = folio(project, 'new', 'Second Brain', '--content', 'notes');
    expect(other.code).toBe(0);
    expect(other.stdout).toBe('notes/posts/second-brain.md\n');
  });

  it('suggests --slug when the title gives a Chinese URL', () => {
    const r = folio(project, 'new', '对比学习');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('/posts/对比学习/');
    expect(r.stderr).toContain('--slug');
  });

  it('exits 2 on an invalid slug or a missing title, creating nothing', () => {
    for (const args of [['new', 'x', '--slug', 'Bad Slug'], ['new', 'x', '--slug', '../escape'], ['new']]) {
      const r = folio(project, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(folio(project, 'new', 'x', '--slug', 'Bad Slug').stderr).toContain('"Bad Slug" is not a valid slug');
    expect(existsSync(path.join(project, 'content/posts/x.md'))).toBe(false);
    expect(existsSync(path.join(project, 'escape.md'))).toBe(false);
  });
});

describe('folio new on an English site', () => {
  let project: string;
  afterAll(() => removeProject(project));

  it('writes the skeleton from the site language, or from strings.newPost', () => {
    project = makeProject({ 'site.config.ts': "export default { title: 'Notes', language: 'en-US' };\n", 'content/posts/.keep': '' });
    const r = folio(project, 'new', 'Hello world');
    expect(r.code).toBe(0);
    const text = read(project, 'content/posts/hello-world.md');
    expect(text).toContain('Write the introduction here');
    expect(text).toContain('<!-- more -->');
    expect(text).not.toMatch(/\p{Script=Han}/u);
    expect(parseSource(text, 'p.md', 'UTC').diagnostics).toEqual([]);

    writeFileSync(path.join(project, 'site.config.ts'), "export default { title: 'Notes', language: 'en', strings: { newPost: 'Start here.\\n' } };\n");
    expect(folio(project, 'new', 'Second').code).toBe(0);
    expect(read(project, 'content/posts/second.md')).toMatch(/---\n\nStart here\.\n$/);
  });
});
