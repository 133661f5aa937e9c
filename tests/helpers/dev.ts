import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { BIN, REPO } from './fixture.ts';

export interface RunningDev {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawning the CLI to its "ready" line. */
  readyMs: number;
  started: number;
  output: () => string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/**
 * The CLI compiled as `npm ci` compiles it (scripts/compile.js), into a private directory: what
 * `npx folio` runs on a fresh install, whether or not lib/ is up to date with edits right now.
 */
export async function compiledCli(): Promise<{ bin: string; remove: () => void }> {
  const dir = path.join(REPO, '.tmp', `test-cli-${process.pid}`);
  await build({ entryPoints: { cli: path.join(REPO, 'src/cli.ts') }, outdir: dir, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return { bin: path.join(dir, 'cli.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts `folio dev` in a project directory, as a user would, on a free port. */
export async function startDev(cwd: string, options: { bin?: string; args?: string[] } = {}): Promise<RunningDev> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [options.bin ?? BIN, 'dev', '--port', String(port), '--strictPort', ...(options.args ?? [])], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`folio dev did not start:\n${output}`)), 30_000);
    const check = () => {
      const m = /folio dev: (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`folio dev exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    started,
    readyMs: performance.now() - started,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
