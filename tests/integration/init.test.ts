import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, folio, listFiles, makeProject, read, REPO, removeProject } from '../helpers/fixture.ts';

const SCAFFOLD = [
  '.github/workflows/pages.yml',
  '.gitignore',
  'content/pages/about.md',
  'content/posts/hello-world.md',
  'package.json',
  'public/favicon.svg',
  'site.config.ts',
];

const projects: string[] = [];
afterAll(() => projects.forEach(removeProject));
function emptyFolder(files: Record<string, string> = {}): string {
  const dir = makeProject(files);
  projects.push(dir);
  return dir;
}

/** Makes `import … from 'folio-ssg'` resolve to this checkout, as `npm install folio-ssg` would. */
function linkPackage(dir: string): void {
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  symlinkSync(REPO, path.join(dir, 'node_modules/folio-ssg'), 'dir');
}

describe('folio init', () => {
  it('writes a site that builds and passes folio check at once, asking nothing when stdin is no terminal', () => {
    const parent = emptyFolder();
    // stdin is a pipe left open: a prompt would wait for it until the timeout kills the process.
    const r = spawnSync(process.execPath, [BIN, 'init', 'blog'], { cwd: parent, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    const dir = path.join(parent, 'blog');
    expect(listFiles(dir)).toEqual(SCAFFOLD);
    expect(r.stdout.trimEnd().split('\n').sort()).toEqual(SCAFFOLD.map((f) => `blog/${f}`));
    expect(r.stderr).toContain('cd blog');
    expect(read(dir, 'site.config.ts')).toMatch(/^import \{ defineConfig \} from 'folio-ssg';$/m);

    linkPackage(dir);
    const built = folio(dir, 'build');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const check = folio(dir, 'check');
    expect(check.stdout).toBe('no broken links in dist\n');
    expect(check.code).toBe(0);
    const home = read(dir, 'dist/index.html');
    expect(home).toContain('<title>我的博客</title>');
    expect(home).toContain('href="/posts/hello-world/"');
    expect(home).toContain('href="/about/"');
    const post = read(dir, 'dist/posts/hello-world/index.html');
    expect(post).toContain('class="katex"');
    expect(post).toContain('class="hljs-keyword"');
    expect(existsSync(path.join(dir, 'dist/favicon.svg'))).toBe(true);
  });

  it('never overwrites: lists the files that exist, writes nothing, exits 1', () => {
    const mine = { 'site.config.ts': "export default { title: '我自己的站' };\n", 'content/pages/about.md': '---\ntitle: 我\n---\n\n我的介绍。\n' };
    const dir = emptyFolder(mine);
    const r = folio(dir, 'init');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('folio init: nothing was written, since these files exist already (init never overwrites):\n  site.config.ts\n  content/pages/about.md\n');
    expect(r.stdout).toBe('');
    expect(listFiles(dir)).toEqual(['content/pages/about.md', 'site.config.ts']);
    for (const [file, text] of Object.entries(mine)) expect(read(dir, file)).toBe(text);
  });

  it('adds its scripts and dependency to an existing package.json, keeping everything in it', () => {
    const before = {
      name: 'my-notes',
      version: '2.3.4',
      description: '我的笔记',
      type: 'module',
      scripts: { test: 'vitest run', build: 'make site' },
      dependencies: { 'left-pad': '^1.3.0' },
      devDependencies: { vitest: '^4.0.0' },
      prettier: { semi: false },
    };
    const dir = emptyFolder({ 'package.json': `${JSON.stringify(before, null, 4)}\n` });
    const r = folio(dir, 'init');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('package.json: kept your "build" script; Folio\'s is "folio build"\n');
    const text = read(dir, 'package.json');
    expect(text).toMatch(/^\{\n {4}"name": "my-notes",\n/);
    const after = JSON.parse(text) as typeof before & { dependencies: Record<string, string> };
    expect(after).toEqual({
      ...before,
      scripts: { test: 'vitest run', build: 'make site', dev: 'folio dev', preview: 'folio preview', new: 'folio new', check: 'folio check' },
      dependencies: { 'left-pad': '^1.3.0', 'folio-ssg': expect.stringMatching(/^\^\d+\.\d+\.\d+$/) },
    });
    expect(Object.keys(after)).toEqual(Object.keys(before));
  });

  it('adds what a site needs ignored to an existing .gitignore, keeping its lines', () => {
    const dir = emptyFolder({ '.gitignore': '# mine\nnode_modules\n*.log' });
    expect(folio(dir, 'init').code).toBe(0);
    expect(read(dir, '.gitignore')).toBe('# mine\nnode_modules\n*.log\ndist/\n.cache/\n');
  });

  it('takes the folder from --root too, and refuses a package.json it cannot read', () => {
    const parent = emptyFolder({ 'broken/package.json': '{ "name": ' });
    const r = folio(parent, 'init', '--root', 'broken');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('folio init: broken/package.json is not valid JSON; fix it and run folio init again\n');
    expect(listFiles(path.join(parent, 'broken'))).toEqual(['package.json']);
  });

  it('writes a Pages workflow that builds with the Pages origin and base on an active LTS Node, keeps the render cache, and runs no tests', () => {
    const dir = emptyFolder();
    expect(folio(dir, 'init').code).toBe(0);
    const text = read(dir, '.github/workflows/pages.yml');
    const workflow = parse(text) as { jobs: Record<string, { needs?: string; permissions?: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }> };
    const steps = workflow.jobs.build!.steps;
    const node = steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!;
    expect(Number(node.with?.['node-version'])).toBeGreaterThanOrEqual(22);
    expect(steps.find((s) => s.uses?.startsWith('actions/cache@'))!.with?.path).toBe('.cache/folio');
    const runs = steps.map((s) => s.run).filter((r): r is string => r !== undefined);
    expect(runs).toEqual(['npm ci', 'npx folio build --url "${{ steps.pages.outputs.origin }}" --base "${{ steps.pages.outputs.base_path }}/"']);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with?.path).toBe('dist');
    expect(workflow.jobs.deploy!.needs).toBe('build');
    expect(workflow.jobs.deploy!.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(text).not.toMatch(/npm (run )?test|chromium/);
  });
});

describe('folio --version', () => {
  it('prints the package version', () => {
    const r = folio(REPO, '--version');
    expect(r.stdout).toBe(`${(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    expect(r.code).toBe(0);
  });
});
