import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, watchErrors } from '../helpers/browser.ts';
import { freePort, startDev } from '../helpers/dev.ts';
import { listFiles, read, REPO } from '../helpers/fixture.ts';

/**
 * What a new user does: install the published package into an empty folder, `folio init`,
 * build, check, look at the site. The tarball is made by `npm pack` (which runs `prepare`, so
 * lib/ is compiled as it is for a release) from a copy of the checkout, so this checkout's lib/
 * is never rebuilt under other tests' feet.
 */
const run = (cwd: string, command: string, args: string[], timeout = 300_000) =>
  spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1', CI: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('the npm package', () => {
  let tmp: string;
  let tarball: string;
  let site: string;
  let folio: string;

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'folio-pack-'));
    const checkout = path.join(tmp, 'checkout');
    mkdirSync(checkout);
    for (const entry of ['package.json', 'README.md', 'bin', 'src', 'templates', 'scripts']) cpSync(path.join(REPO, entry), path.join(checkout, entry), { recursive: true });
    symlinkSync(path.join(REPO, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    const packed = run(checkout, 'npm', ['pack', '--pack-destination', tmp, '--silent']);
    expect(packed.stderr).not.toMatch(/error/i);
    expect(packed.status).toBe(0);
    tarball = path.join(tmp, packed.stdout.trim().split('\n').pop()!);

    site = path.join(tmp, 'site');
    mkdirSync(site);
    const installed = run(site, 'npm', ['install', '--no-audit', '--no-fund', tarball]);
    expect(installed.status, installed.stderr).toBe(0);
    folio = path.join(site, 'node_modules/.bin/folio');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('ships the compiled CLI, the config helper with its types, and the templates; no sources, tests or demo content', () => {
    const listing = run(tmp, 'tar', ['tzf', tarball]).stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
    for (const file of ['package.json', 'README.md', 'bin/folio.js', 'lib/cli.js', 'lib/render-worker.js', 'lib/page-worker.js', 'lib/index.js', 'lib/index.d.ts', 'templates/layout.ts', 'templates/client/main.ts', 'templates/client/style.css', 'templates/client/favicon.svg']) {
      expect(listing).toContain(file);
    }
    expect(listing.filter((f) => /^(src|tests|content|scripts|docs|public|node_modules)\//.test(f) || f === 'site.config.ts')).toEqual([]);
    // Runtime dependencies only: no TypeScript compiler, test runner or browser driver.
    for (const dev of ['typescript', 'vitest', 'playwright-core']) expect(existsSync(path.join(site, 'node_modules', dev))).toBe(false);
  });

  it('folio init, build and check work in the new folder, and the config is typed by the package', async () => {
    const init = run(site, folio, ['init'], 60_000);
    expect(init.status, init.stderr).toBe(0);
    expect(read(site, 'site.config.ts')).toContain("from 'folio-ssg'");
    // npm wrote package.json when installing; init added the scripts and kept the dependency.
    const pkg = JSON.parse(read(site, 'package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts).toMatchObject({ dev: 'folio dev', build: 'folio build', preview: 'folio preview', new: 'folio new', check: 'folio check' });
    expect(pkg.dependencies['folio-ssg']).toMatch(/^file:/);

    const built = run(site, 'npm', ['run', 'build', '--silent']);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/^built 1 post, 1 page, 1 tag, 1 category into dist/);
    const checked = run(site, 'npm', ['run', 'check', '--silent']);
    expect(checked.stdout).toBe('no broken links in dist\n');
    expect(checked.status).toBe(0);
    expect(listFiles(path.join(site, 'dist'))).toEqual(expect.arrayContaining(['index.html', 'posts/hello-world/index.html', 'about/index.html', 'feed.xml', 'pagefind/pagefind.js']));

    // The types the package exports check a config as an editor would (and catch a typo).
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', '--typeRoots', path.join(REPO, 'node_modules/@types')];
    const typed = run(site, process.execPath, [tsc, ...flags, 'site.config.ts'], 120_000);
    expect(typed.stdout).toBe('');
    expect(typed.status).toBe(0);
    writeFileSync(path.join(site, 'typo.config.ts'), "import { defineConfig } from 'folio-ssg';\nexport default defineConfig({ title: 'x', perPage: '10' });\n");
    const typo = run(site, process.execPath, [tsc, ...flags, 'typo.config.ts'], 120_000);
    expect(typo.stdout).toContain("typo.config.ts(2,43): error TS2322: Type 'string' is not assignable to type 'number'.");
    rmSync(path.join(site, 'typo.config.ts'));
  });

  it('exports build() for scripts, with problems as values', () => {
    writeFileSync(
      path.join(site, 'api.mjs'),
      `import { build } from 'folio-ssg';
const good = await build({ outDir: 'api-out', search: false });
const bad = await build({ configFile: 'bad.config.mjs' });
console.log(JSON.stringify({ good: { ok: good.ok, posts: good.posts, problems: good.problems }, bad }));
`,
    );
    writeFileSync(path.join(site, 'bad.config.mjs'), "export default { title: 'x', perPag: 10 };\n");
    const r = run(site, process.execPath, ['api.mjs']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { good: { ok: boolean; posts: number; problems: unknown[] }; bad: { ok: boolean; problems: { file: string; line: number; message: string; rule: string }[] } };
    expect(out.good).toEqual({ ok: true, posts: 1, problems: [] });
    expect(existsSync(path.join(site, 'api-out/posts/hello-world/index.html'))).toBe(true);
    expect(out.bad.ok).toBe(false);
    expect(out.bad.problems).toEqual([
      expect.objectContaining({ file: 'bad.config.mjs', line: 1, rule: 'config/invalid', message: expect.stringMatching(/^perPag: unknown key \(did you mean "perPage"\?\)/) }),
    ]);
    for (const f of ['api.mjs', 'bad.config.mjs', 'api-out']) rmSync(path.join(site, f), { recursive: true, force: true });
  });

  it('the built home page opens in Chromium and leads to the first post', async () => {
    const port = await freePort();
    const preview = spawn(folio, ['preview', '--port', String(port)], { cwd: site });
    const browser = await launchBrowser();
    try {
      await new Promise<void>((resolve, reject) => {
        preview.stdout.on('data', (b: Buffer) => b.toString().includes(`:${port}/`) && resolve());
        preview.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
      });
      const page = await (await browser.context()).newPage();
      const errors = watchErrors(page);
      await page.goto(`http://127.0.0.1:${port}/`);
      expect(await page.title()).toBe('我的博客');
      await page.getByRole('link', { name: '你好，世界' }).first().click();
      await page.waitForURL(`http://127.0.0.1:${port}/posts/hello-world/`);
      expect(await page.locator('h1').first().textContent()).toBe('你好，世界');
      expect(await page.locator('.katex').count()).toBeGreaterThan(0);
      await page.getByRole('navigation', { name: /./ }).first().getByRole('link', { name: '关于' }).click();
      await page.waitForURL(`http://127.0.0.1:${port}/about/`);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      preview.kill('SIGTERM');
    }
  });

  it('folio eject writes templates that type-check in the installed site and build the same pages', () => {
    const before = new Map(listFiles(path.join(site, 'dist')).filter((f) => f.endsWith('.html')).map((f) => [f, read(site, `dist/${f}`)]));
    const names = ['layout', 'header', 'footer', 'home', 'post', 'page', 'list', 'terms', 'series', 'archives', 'search', 'notFound', 'redirect'];
    for (const name of names) {
      const r = run(site, folio, ['eject', name], 60_000);
      expect(r.status, r.stderr).toBe(0);
    }
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', '--types', 'node', '--typeRoots', path.join(REPO, 'node_modules/@types')];
    const typed = run(site, process.execPath, [tsc, ...flags, ...names.map((n) => `templates/${n}.ts`)], 120_000);
    expect(typed.stdout).toBe('');
    expect(typed.status).toBe(0);
    // Every page is made by the site's copies now, and comes out as the built-in ones made it.
    const built = run(site, 'npm', ['run', 'build', '--silent']);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    for (const [file, html] of before) expect(read(site, `dist/${file}`), file).toBe(html);
    rmSync(path.join(site, 'templates'), { recursive: true });
  });

  it('folio dev serves the site from the installed package', async () => {
    const dev = await startDev(site, { bin: folio });
    try {
      const home = await fetch(dev.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('你好，世界');
      expect((await fetch(new URL('posts/hello-world/', dev.url))).status).toBe(200);
    } finally {
      await dev.stop();
    }
    expect(dev.output()).not.toMatch(/error/i);
  });
});
