import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walkFiles } from '../../../src/content/walk.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'folio-walk-'));
  dirs.push(root);
  const dir = path.join(root, 'site');
  mkdirSync(path.join(dir, 'a/b'), { recursive: true });
  mkdirSync(path.join(dir, '.hidden'));
  writeFileSync(path.join(dir, 'a/b/one.md'), '1');
  writeFileSync(path.join(dir, 'two.md'), '2');
  writeFileSync(path.join(dir, '.hidden/three.md'), '3');
  writeFileSync(path.join(root, 'secret.txt'), 'outside');
  symlinkSync(path.join(dir, 'a'), path.join(dir, 'alias'));
  symlinkSync(path.join(root, 'secret.txt'), path.join(dir, 'leak.txt'));
  symlinkSync(dir, path.join(dir, 'a/b/loop'));
  return dir;
}

const opts = { display: (p: string) => p, name: 'test' };

describe('walkFiles, the one directory walker', () => {
  it('follows links that stay inside, refuses one that leaves and one that loops, skips dot-names', () => {
    const dir = tree();
    const walked = walkFiles(dir, opts);
    expect(walked.files.map((f) => f.rel)).toEqual(['a/b/one.md', 'alias/b/one.md', 'two.md']);
    expect(walked.files.find((f) => f.rel === 'alias/b/one.md')?.real).toBe(path.join(dir, 'a/b/one.md'));
    const messages = walked.diagnostics.map((d) => `${path.relative(dir, d.file)}: ${d.message.split(' (')[0]!.split(' to ')[0]}`);
    expect(messages.sort()).toEqual(['a/b/loop: symbolic link loops back', 'alias/b/loop: symbolic link loops back', 'leak.txt: symbolic link points outside the test directory']);
    expect(walked.files.some((f) => f.real.endsWith('secret.txt'))).toBe(false);
  });

  it('in report mode follows no link and lists each, and keeps dot-names when asked', () => {
    const dir = tree();
    const walked = walkFiles(dir, { ...opts, links: 'report', keepDotted: () => true });
    expect(walked.files.map((f) => f.rel)).toEqual(['.hidden/three.md', 'a/b/one.md', 'two.md']);
    expect(walked.links).toEqual(['a/b/loop', 'alias', 'leak.txt']);
    expect(walked.diagnostics).toEqual([]);
  });

  it('a missing folder is empty', () => {
    expect(walkFiles(path.join(tmpdir(), 'folio-walk-missing-xyz'), opts).files).toEqual([]);
  });
});
