import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { basicSite } from '../fixtures/basic.ts';
import { BIN, folio, makeProject, post, removeProject } from '../helpers/fixture.ts';

const SGR = /\u001b\[[\d;]*m/;
const warningPost = { 'content/posts/lang.md': post({ title: '语言', date: '2025-01-01' }, '```klingon\nnuqneH\n```') };
const errorPost = { 'content/posts/bad.md': post({ title: '坏公式', date: '2025-01-01' }, '$\\frac{1}{$') };

let projects: string[] = [];
afterEach(() => {
  for (const p of projects) removeProject(p);
  projects = [];
});
const project = (files: Record<string, string>) => {
  const dir = makeProject(files);
  projects.push(dir);
  return dir;
};

describe('folio build output, piped (as in CI)', () => {
  it('ends every run with a summary, and prints no progress line or colour', () => {
    const dir = project(basicSite);
    const first = folio(dir, 'build', '--no-search');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^built 3 posts, 1 page, \d+ tags, 2 categories into dist in \d+(\.\d+)? m?s \(\d+ files; 0 of 4 documents from the cache\)\n$/);
    const again = folio(dir, 'build', '--no-search');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing changed: dist is up to date \(3 posts, 1 page, \d+ tags, 2 categories\) in \d+ ms\n$/);
    for (const out of [first.stdout, again.stdout]) {
      expect(out).not.toContain('\r');
      expect(out).not.toMatch(SGR);
    }
  });

  it('--quiet prints errors only', () => {
    const warned = folio(project({ ...basicSite, ...warningPost }), 'build', '--no-search', '--quiet');
    expect(warned).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const failed = folio(project({ ...basicSite, ...errorPost }), 'build', '--no-search', '--quiet');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/content\/posts\/bad\.md:6:\d+: error: KaTeX/);
    expect(failed.stderr).toContain('build failed with 1 error');
  });

  it('shows warnings on one line by default, and with code frames and stage timings under --verbose', () => {
    const dir = project({ ...basicSite, ...warningPost });
    const plain = folio(dir, 'build', '--no-search', '--out', 'a');
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('content/posts/lang.md:6:1: warning: unknown code language "klingon"');
    expect(plain.stderr).not.toMatch(/> +6 \| ```klingon/);
    expect(plain.stdout).toMatch(/, 1 warning\n$/);
    expect(plain.stdout).not.toContain('stages:');

    const verbose = folio(dir, 'build', '--no-search', '--out', 'b', '--verbose');
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/> +6 \| ```klingon/);
    const stages = /^stages: (.*)$/m.exec(verbose.stdout)?.[1];
    expect(stages?.split(' · ').map((s) => s.split(' ')[0])).toEqual(['fingerprint', 'load', 'render', 'collect', 'assets', 'emit', 'check', 'commit']);
  });
});

// A real terminal through util-linux `script`, which runs the command on a pseudo-terminal.
const hasScript = spawnSync('script', ['--version']).status === 0;
describe.skipIf(!hasScript)('folio build output on a terminal', () => {
  const onTerminal = (dir: string, env: Record<string, string>) => {
    const { CI: _ci, NO_COLOR: _nc, ...rest } = process.env;
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" build --no-search`, '/dev/null'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...rest, TERM: 'xterm', ...env },
    });
    return { code: r.status, output: r.stdout };
  };

  it('draws a progress line and colours errors', () => {
    const dir = project({ ...basicSite, ...errorPost });
    const r = onTerminal(dir, {});
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/\rrendering 1\/5/);
    expect(r.output).toMatch(/\rrendering 5\/5/);
    expect(r.output).toContain('\u001b[31;1merror\u001b[0m');
    expect(existsSync(`${dir}/dist`)).toBe(false);
  });

  it('keeps colour off with NO_COLOR and progress off in CI', () => {
    const dir = project({ ...basicSite, ...errorPost });
    const noColor = onTerminal(dir, { NO_COLOR: '1' });
    expect(noColor.output).toContain('error: KaTeX');
    expect(noColor.output).not.toMatch(SGR);
    const ci = onTerminal(dir, { CI: 'true' });
    expect(ci.output).toContain('KaTeX cannot render');
    expect(ci.output).not.toContain('rendering');
  });
});
