import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newPost, slugFromTitle } from '../../../src/authoring/new-post.ts';
import { parseSource } from '../../../src/content/frontmatter.ts';
import { makeProject, post, removeProject } from '../../helpers/fixture.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) removeProject(d);
  dirs = [];
});
const project = (files: Record<string, string> = {}) => {
  const dir = makeProject(files);
  dirs.push(dir);
  return path.join(dir, 'content');
};

describe('newPost', () => {
  // 2026-01-10 17:30 UTC is already the 11th in Shanghai, still the 10th in Los Angeles.
  const now = new Date('2026-01-10T17:30:00Z');

  it("dates the post today in the site's zone, not the machine's", () => {
    for (const [timeZone, day] of [['Asia/Shanghai', '2026-01-11'], ['America/Los_Angeles', '2026-01-10'], ['UTC', '2026-01-10']] as const) {
      const contentDir = project();
      const r = newPost({ title: '标题', contentDir, timeZone, now });
      expect(r.ok).toBe(true);
      const text = readFileSync(path.join(contentDir, 'posts/标题.md'), 'utf8');
      expect(text).toContain(`\ndate: ${day}\n`);
      const parsed = parseSource(text, 'p.md', timeZone);
      expect(parsed.diagnostics).toEqual([]);
      expect(parsed.data?.date?.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('writes frontmatter the schema accepts, with the tags, category and draft: true', () => {
    const contentDir = project();
    const r = newPost({ title: 'A "quoted": title # not a comment', contentDir, timeZone: 'Asia/Shanghai', tags: ['自监督学习', 'a: b'], category: 'C++', now });
    if (!r.ok) throw new Error(r.message);
    expect(r.slug).toBe('a-quoted-title-not-a-comment');
    const parsed = parseSource(readFileSync(r.path, 'utf8'), 'p.md', 'Asia/Shanghai');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.data).toMatchObject({ title: 'A "quoted": title # not a comment', tags: ['自监督学习', 'a: b'], category: 'C++', draft: true });
  });

  it('refuses a slug that a post elsewhere under posts/ already owns', () => {
    const contentDir = project({
      'content/posts/deep/mae.md': post({ title: 'MAE', date: '2025-01-01' }, '正文'),
      'content/posts/other.md': post({ title: 'Other', date: '2025-01-01', slug: 'claimed' }, '正文'),
    });
    const byName = newPost({ title: 'MAE', contentDir, timeZone: 'UTC', now });
    expect(byName).toMatchObject({ ok: false });
    expect(!byName.ok && byName.message).toContain('posts/deep/mae.md already uses the slug "mae"');
    const bySlugField = newPost({ title: 'x', slug: 'claimed', contentDir, timeZone: 'UTC', now });
    expect(!bySlugField.ok && bySlugField.message).toContain('posts/other.md already uses the slug "claimed"');
  });

  it('asks for --slug when the title gives nothing to slug', () => {
    const r = newPost({ title: '！？', contentDir: project(), timeZone: 'UTC', now });
    expect(r).toMatchObject({ ok: false, usage: true });
    expect(!r.ok && r.message).toContain('--slug');
  });
});

describe('slugFromTitle', () => {
  it.each([
    ['标题', '标题'],
    ['MAE：掩码自编码器', 'mae-掩码自编码器'],
    ['Hello, World!', 'hello-world'],
    ['PyTorch DDP 快速上手', 'pytorch-ddp-快速上手'],
    ['ＢＥＲＴ　与 ViT', 'bert-与-vit'],
    ['Café crème', 'cafe-creme'],
    ["Don't panic", 'dont-panic'],
    ['A/B test -- v2', 'a-b-test-v2'],
    ['ひらがなとカタカナ', 'ひらがなとカタカナ'],
    ['한국어 제목', '한국어-제목'],
  ])('%s → %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });
});
