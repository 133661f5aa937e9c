import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { ConfigError, loadUserConfig } from '../../src/config.ts';
import { startDev } from '../helpers/dev.ts';
import { folio, makeProject, removeProject, writeFiles } from '../helpers/fixture.ts';

/** A site config with one mistake, written as an author would write it. */
const config = (lines: string) => `export default {
  title: '配置测试',
  url: 'https://example.org',
${lines}
};
`;

const projects: string[] = [];
afterEach(() => projects.splice(0).forEach(removeProject));

function buildWith(configText: string, ...args: string[]) {
  const project = makeProject({ ...basicSite, 'site.config.ts': configText });
  projects.push(project);
  return { project, ...folio(project, 'build', '--no-search', ...args) };
}

/** The lines `folio build` prints for a config (the CLI's own path is tested below). */
async function problems(configText: string): Promise<string[]> {
  const project = makeProject({ 'site.config.ts': configText });
  projects.push(project);
  try {
    await loadUserConfig(project, undefined, (f) => path.relative(project, f));
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  return [];
}

// Each mistake: the config lines, then the exact line printed for it.
const cases: [string, string, string][] = [
  ['a misspelt key', "  titel: '另一个标题',", 'site.config.ts:4: titel: unknown key (did you mean "title"?); allowed: title, description, url, base, language, timeZone, author, perPage, nav, feedLimit, image, descriptions, markdown, plugins, theme, css, head, footer, strings'],
  ['a stylesheet that is not in the site folder', "  css: ['styles/site.css'],", 'site.config.ts:4: css[0] "styles/site.css": no such file in the site folder'],
  ['a language without a string table', "  language: 'fr',", 'site.config.ts:4: language has no string table for "fr": use "zh-CN" or "en" (or zh, zh-Hans, en-US, en-GB, …), and give your own words with strings: { … }'],
  ['a script in <head> that is not loaded by URL', "  head: [{ tag: 'script', attrs: { src: '/x.js' } }],", 'site.config.ts:4: head[0].attrs.src must be the https URL of the script (pages allow no inline script, and public/ publishes no .js), got "/x.js"'],
  ['a code theme highlight.js does not have', "  theme: { code: { dark: 'githubdark' } },", expect.stringMatching(/^site\.config\.ts:4: theme\.code\.dark must be a highlight\.js theme \(did you mean "github-dark"\?\), got "githubdark"; choices: .*github-dark, /) as unknown as string],
  ['a time zone that is not an IANA name', "  timeZone: 'Beijing',", 'site.config.ts:4: timeZone must be an IANA time zone such as "Asia/Shanghai", got "Beijing"'],
  ['a time zone written as a city', "  timeZone: 'shanghai',", 'site.config.ts:4: timeZone must be an IANA time zone such as "Asia/Shanghai", got "shanghai" (did you mean "Asia/Shanghai"?)'],
  ['a base that is a URL', "  base: 'https://example.org/blog/',", 'site.config.ts:4: base must be a path such as "/" or "/blog/", got "https://example.org/blog/"'],
  ['perPage that is not a whole number', '  perPage: 2.5,', 'site.config.ts:4: perPage must be a whole number from 1 to 1000, got 2.5'],
  ['perPage written as text', "  perPage: '10',", 'site.config.ts:4: perPage must be a whole number from 1 to 1000, got "10"'],
  ['a language that is no language tag', "  language: 'Chinese (Simplified)',", 'site.config.ts:4: language must be a language tag such as "zh-CN" or "en", got "Chinese (Simplified)"'],
  ['an author given as text', "  author: '小明',", 'site.config.ts:4: author must be an object such as { name: "小明" }, got "小明"'],
  ['an author without a name', "  author: { email: 'xm@example.org' },", 'site.config.ts:4: author.name is required'],
  ['a misspelt author key', "  author: { name: '小明', emial: 'xm@example.org' },", 'site.config.ts:4: author.emial: unknown key (did you mean "email"?); allowed: name, email, url'],
  ['nav that is not a list', "  nav: { title: '首页', path: '/' },", 'site.config.ts:4: nav must be a list such as [{ title: "首页", path: "/" }], got an object'],
  [
    'a nav entry with a relative path',
    "  nav: [\n    { title: '首页', path: '/' },\n    { title: '标签', path: 'tags/' },\n  ],",
    'site.config.ts:6: nav[1].path must be a site path starting with "/", such as "/about/", got "tags/"',
  ],
  ['a nav entry without a title', "  nav: [{ path: '/' }],", 'site.config.ts:4: nav[0].title is required'],
  [
    'a Markdown plugin named as text instead of imported',
    "  markdown: { remarkPlugins: ['remark-gfm'] },",
    'site.config.ts:4: markdown.remarkPlugins[0] must be a plugin (a function, imported at the top of the config) or [plugin, options], got "remark-gfm"',
  ],
  [
    'options given without their plugin',
    "  markdown: {\n    rehypePlugins: [\n      (o) => (t) => t,\n      [{ target: '_blank' }],\n    ],\n  },",
    'site.config.ts:7: markdown.rehypePlugins[1] must be a plugin (a function, imported at the top of the config) or [plugin, options], got [an object]',
  ],
  ['a plugin without a name', '  plugins: [{ remarkPlugins: [] }],', 'site.config.ts:4: plugins[0].name is required'],
  ['plugins given as one object', "  plugins: { name: 'x' },", 'site.config.ts:4: plugins must be a list of plugins such as [{ name: "papers", routes }] or [{ name: "my-plugin", remarkPlugins: [remarkFoo] }], got an object'],
];

describe('site.config.ts mistakes', () => {
  for (const [what, lines, expected] of cases) {
    it(`${what}: one line naming the file, the line and the key`, async () => {
      expect(await problems(config(lines))).toEqual([expected]);
    });
  }

  // Its own config: the mistake is in the line every config above shares.
  it('a URL without a scheme: folio build prints the line and exits 2, writing nothing', () => {
    const r = buildWith("export default {\n  title: '配置测试',\n  url: 'xiaoming.github.io',\n};\n");
    expect(r.stderr).toBe('site.config.ts:3: url must be an absolute http(s) URL such as "https://xiaoming.github.io", got "xiaoming.github.io"\n');
    expect(r.code).toBe(2);
    expect(existsSync(path.join(r.project, 'dist'))).toBe(false);
  });

  it('every mistake at once: one line each, in the order of the file', () => {
    const r = buildWith("export default {\n  titel: 'x',\n  url: 'example.org',\n  timeZone: 'Beijing',\n  perPage: 0,\n};\n");
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^site\.config\.ts:2: titel: unknown key \(did you mean "title"\?\)/),
      'site.config.ts:3: url must be an absolute http(s) URL such as "https://xiaoming.github.io", got "example.org"',
      'site.config.ts:4: timeZone must be an IANA time zone such as "Asia/Shanghai", got "Beijing"',
      'site.config.ts:5: perPage must be a whole number from 1 to 1000, got 0',
    ]);
    expect(r.code).toBe(2);
  });

  it('a nav entry to a page that does not exist: one error at the config, not one per page', () => {
    const nav = "  nav: [\n    { title: '首页', path: '/' },\n    { title: '关于', path: '/about/' },\n    { title: '友链', path: '/links/' },\n  ],";
    const r = buildWith(config(nav));
    const errors = r.stderr.split('\n').filter((l) => l.includes(': error: '));
    // basicSite has content/pages/about.md; it has no links page.
    expect(errors).toEqual(['site.config.ts:7:1: error: nav[2].path "/links/" (友链) leads to no page of the site: add content/pages/links.md or remove the entry']);
    expect(r.code).toBe(2);
    writeFiles(r.project, { 'content/pages/links.md': '---\ntitle: 友链\n---\n\n朋友们的网站。\n' });
    expect(folio(r.project, 'build', '--no-search').code).toBe(0);
  });

  it('a config that does not load: one line with the reason, no stack trace', () => {
    const r = buildWith("export default {\n  title: '配置测试'\n  url: 'https://example.org',\n};\n");
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^site\.config\.ts: cannot load it: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(2);
  });

  it('--config names another file, and its mistakes are reported at that file', () => {
    const project = makeProject({ ...basicSite, 'configs/staging.config.ts': config("  perPage: -1,") });
    projects.push(project);
    const r = folio(project, 'build', '--no-search', '--config', 'configs/staging.config.ts');
    expect(r.stderr).toBe('configs/staging.config.ts:4: perPage must be a whole number from 1 to 1000, got -1\n');
    expect(r.code).toBe(2);
    const missing = folio(project, 'build', '--config', 'nope.config.ts');
    expect(missing.stderr).toBe('nope.config.ts: no such config file\n');
    expect(missing.code).toBe(2);
  });

  it('a valid config with every key builds', () => {
    const r = buildWith(
      config(`  description: '一个测试站点',
  base: '/kb/',
  language: 'en',
  timeZone: 'Europe/Berlin',
  author: { name: '小明', email: 'xm@example.org', url: 'https://xiaoming.github.io/' },
  perPage: 5,
  feedLimit: 50,
  nav: [{ title: '首页', path: '/' }, { title: '标签', path: '/tags/' }],`),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('folio dev shows a config edit that breaks it as an error page at the key, and recovers', async () => {
    const project = makeProject({ ...basicSite, 'site.config.ts': config("  perPage: 5,") });
    projects.push(project);
    const dev = await startDev(project);
    try {
      expect((await fetch(dev.url)).status).toBe(200);
      writeFiles(project, { 'site.config.ts': config("  perPage: 'five',") });
      // The file watcher tells the server; the next request after that shows the error.
      await expect.poll(async () => (await fetch(dev.url)).status, { timeout: 15_000 }).toBe(500);
      const html = await (await fetch(dev.url)).text();
      expect(html).toContain('site.config.ts:4:1');
      expect(html).toContain('perPage must be a whole number from 1 to 1000, got "five"');
      expect(html).not.toMatch(/\n\s+at /);
      expect(dev.output()).toContain('site.config.ts:4:1: error: perPage must be a whole number from 1 to 1000, got "five"');
      writeFiles(project, { 'site.config.ts': config("  perPage: 5,") });
      await expect.poll(async () => (await fetch(dev.url)).status, { timeout: 15_000 }).toBe(200);
    } finally {
      await dev.stop();
    }
  });
});
