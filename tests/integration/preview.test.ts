import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { freePort } from '../helpers/dev.ts';
import { BIN, folio, makeProject, removeProject } from '../helpers/fixture.ts';

describe('folio preview', () => {
  let project: string;
  let stop: () => void;
  let origin: string;

  beforeAll(async () => {
    project = makeProject(basicSite);
    expect(folio(project, 'build', '--base', '/kb/', '--no-search').code).toBe(0);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [BIN, 'preview', '--base', '/kb/', '--port', String(port)], { cwd: project });
    stop = () => child.kill('SIGTERM');
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes(`${origin}/kb/`)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
    });
  });
  afterAll(() => {
    stop?.();
    removeProject(project);
  });

  it('serves dist/ under the base path, like a static host', async () => {
    const home = await fetch(`${origin}/kb/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('href="/kb/posts/mae/"');
    expect((await fetch(`${origin}/kb/posts/mae/`)).status).toBe(200);
    expect((await fetch(`${origin}/kb/tags/${encodeURIComponent('自监督学习')}/`)).status).toBe(200);
    const bare = await fetch(`${origin}/kb`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/kb/');
    // Outside the base and missing pages get the site's own 404 page.
    const outside = await fetch(`${origin}/posts/mae/`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain('页面不存在');
    expect((await fetch(`${origin}/kb/no/such/`)).status).toBe(404);
  });

  it('refuses foreign Host headers, sends nosniff, serves unknown types as downloads and never a dotfile', async () => {
    writeFileSync(path.join(project, 'dist', 'README'), '<script>alert(1)</script>');
    writeFileSync(path.join(project, 'dist', '.secret'), 'token');
    const get = (pathname: string, host: string) =>
      new Promise<{ status: number; type: string | undefined; nosniff: string | undefined; body: string }>((resolve, reject) => {
        const u = new URL(origin);
        const req = request({ host: u.hostname, port: u.port, path: pathname, headers: { host } }, (res) => {
          let body = '';
          res.on('data', (b: Buffer) => (body += b.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], nosniff: res.headers['x-content-type-options'] as string | undefined, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const local = new URL(origin).host;
    // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1.
    const rebound = await get('/kb/', 'evil.example:4173');
    expect(rebound.status).toBe(403);
    expect(rebound.body).not.toContain('<html');
    const home = await get('/kb/', local);
    expect(home.status).toBe(200);
    // Pages keep their type: a folder's index.html is HTML, not a download.
    expect(home.type).toMatch(/^text\/html/);
    expect((await get('/kb/feed.xml', local)).type).toMatch(/xml/);
    expect((await get('/kb/', `localhost:${new URL(origin).port}`)).status).toBe(200);
    const readme = await get('/kb/README', local);
    expect(readme.status).toBe(200);
    expect(readme.type).toBe('application/octet-stream');
    expect(readme.nosniff).toBe('nosniff');
    expect((await get('/kb/.secret', local)).status).toBe(404);
    expect((await get('/kb/.folio-output', local)).status).toBe(404);
    expect((await get('/kb/%2esecret', local)).status).toBe(404);
  });
});
