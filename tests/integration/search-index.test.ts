import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { folio, makeProject, read, removeProject } from '../helpers/fixture.ts';

describe('the search stage', () => {
  let project: string;
  beforeAll(() => {
    project = makeProject(basicSite);
  });
  afterAll(() => removeProject(project));

  it('indexes exactly the posts, in Chinese, with the title marked', () => {
    const r = folio(project, 'build', '--base', '/kb/');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const entry = JSON.parse(read(project, 'dist/pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    // Three posts; the about page, lists, tags and search page are not results.
    expect(Object.keys(entry.languages)).toEqual(['zh-cn']);
    expect(entry.languages['zh-cn']!.page_count).toBe(3);
    expect(existsSync(path.join(project, 'dist/pagefind/pagefind.js'))).toBe(true);
    const postHtml = read(project, 'dist/posts/mae/index.html');
    expect(postHtml).toMatch(/<h1 class="post-title" data-pagefind-body data-pagefind-meta="title"/);
    expect(read(project, 'dist/search/index.html')).toContain('data-bundle="/kb/pagefind/" data-base="/kb/"');
  });

  it('is skipped with --no-search', () => {
    const r = folio(project, 'build', '--no-search', '--out', 'plain');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(project, 'plain/index.html'))).toBe(true);
    expect(existsSync(path.join(project, 'plain/pagefind'))).toBe(false);
    expect(readFileSync(path.join(project, 'plain/search/index.html'), 'utf8')).toContain('id="search-results"');
  });
});
