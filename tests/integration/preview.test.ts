import { spawn } from 'node:child_process';
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
});
