import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folio, REPO, removeProject, writeFiles } from '../helpers/fixture.ts';
import { hashTree, treeDiff } from '../helpers/tree.ts';

/**
 * tests/fixtures/invalid/: a valid site (_base/) and one broken post or page per case (cases/),
 * with the message each must produce (expected.json). Each case is built beside the valid site
 * with the real CLI: exit 1, `path:line:col: error: message` on the right line with a code frame,
 * and the output of the previous good build left byte for byte as it was.
 */
const FIXTURE = path.join(REPO, 'tests/fixtures/invalid');
const expected = JSON.parse(readFileSync(path.join(FIXTURE, 'expected.json'), 'utf8')) as Record<string, string[]>;
const cases = Object.keys(expected).filter((k) => k !== '//');

let template: string;
let published: Map<string, string>;

beforeAll(() => {
  template = mkdtempSync(path.join(tmpdir(), 'folio-invalid-'));
  cpSync(path.join(FIXTURE, '_base'), template, { recursive: true });
  const r = folio(template, 'build', '--out', 'out', '--no-search');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  published = hashTree(path.join(template, 'out'));
});
afterAll(() => removeProject(template));

function withCase(dir: string): string {
  const project = mkdtempSync(path.join(tmpdir(), 'folio-invalid-'));
  cpSync(template, project, { recursive: true });
  cpSync(dir, project, { recursive: true });
  return project;
}

const errorLines = (stderr: string) => stderr.split('\n').filter((l) => /^\S.*:\d+:\d+: error: /.test(l));

describe('the invalid-content fixture', () => {
  it('has a case directory for every expectation and an expectation for every case', () => {
    expect(readdirSync(path.join(FIXTURE, 'cases')).sort()).toEqual([...cases].sort());
  });

  for (const name of cases) {
    it(`${name}: exit 1 at ${expected[name]![0]!.split(': ')[0]}, previous output unchanged`, () => {
      const project = withCase(path.join(FIXTURE, 'cases', name));
      try {
        const r = folio(project, 'build', '--out', 'out', '--no-search');
        expect(r.code, r.stderr).toBe(1);
        const errors = errorLines(r.stderr);
        for (const want of expected[name]!) {
          expect(errors.some((l) => l.startsWith(want)), `missing "${want}" in:\n${r.stderr}`).toBe(true);
          // A code frame marks the reported line (files that decode as text have one).
          const [file, line] = want.split(':');
          if (!['not-utf8', 'utf16', 'empty-file', 'blank-file'].includes(name)) expect(r.stderr, `no code frame for ${file}:${line}`).toMatch(new RegExp(`\\n> +${line} \\|`));
        }
        // Only the broken file is blamed; the valid post beside it is not.
        const blamed = new Set(errors.map((l) => l.split(':')[0]));
        expect([...blamed]).toEqual([...new Set(expected[name]!.map((w) => w.split(':')[0]))]);
        expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
        expect(r.stderr).toContain('left as it was');
        expect(treeDiff(published, hashTree(path.join(project, 'out')))).toEqual([]);
      } finally {
        removeProject(project);
      }
    });
  }
});

describe('warnings', () => {
  const warnings = JSON.parse(readFileSync(path.join(FIXTURE, 'warnings/expected.json'), 'utf8')).warnings as string[];

  it('are printed at their line, and the build succeeds', () => {
    const project = withCase(path.join(FIXTURE, 'warnings'));
    try {
      const r = folio(project, 'build', '--out', 'out', '--no-search', '--verbose');
      expect(r.code, r.stderr).toBe(0);
      for (const want of warnings) expect(r.stderr).toContain(want);
      expect(treeDiff(published, hashTree(path.join(project, 'out')))).toContain('posts/future/index.html');
    } finally {
      removeProject(project);
    }
  });

  it('fail the build under --strict, leaving the output as it was', () => {
    const project = withCase(path.join(FIXTURE, 'warnings'));
    try {
      const r = folio(project, 'build', '--out', 'out', '--no-search', '--strict');
      expect(r.code).toBe(1);
      for (const want of warnings) expect(r.stderr).toContain(want.split(': warning')[0]);
      expect(treeDiff(published, hashTree(path.join(project, 'out')))).toEqual([]);
    } finally {
      removeProject(project);
    }
  });
});

describe('encodings that must just work', () => {
  it('a UTF-8 BOM, CRLF and old-Mac CR line endings build, and errors in them are on the right line', () => {
    const project = withCase(path.join(FIXTURE, '_base'));
    try {
      const lines = ['---', 'title: 带 BOM 和 CRLF', 'date: 2025-06-05', 'tags: [编码]', '---', '', '第一段。', '', '## 小节', '', '公式 $x^2$。', ''];
      writeFiles(project, {
        'content/posts/bom-crlf.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'))]),
        'content/posts/cr.md': lines.join('\r').replace('带 BOM 和 CRLF', '只有 CR').replace('## 小节', '## 另一节'),
      });
      const r = folio(project, 'build', '--out', 'out', '--no-search');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const html = readFileSync(path.join(project, 'out/posts/bom-crlf/index.html'), 'utf8');
      expect(html).toContain('<title>带 BOM 和 CRLF');
      expect(html).not.toContain('\uFEFF');
      expect(html).not.toContain('\r');
      // A mistake on line 11 of a CRLF file is reported on line 11.
      writeFiles(project, { 'content/posts/bom-crlf.md': Buffer.from(`\uFEFF${lines.join('\r\n').replace('$x^2$', '$x^{2$')}`) });
      const bad = folio(project, 'build', '--out', 'out', '--no-search');
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^content\/posts\/bom-crlf\.md:11:\d+: error: KaTeX/m);
    } finally {
      removeProject(project);
    }
  });
});
