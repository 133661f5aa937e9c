import { describe, expect, it } from 'vitest';
import type { BuildResult, BuildStats } from '../../src/build.ts';
import { diagnostic } from '../../src/content/diagnostic.ts';
import { diagnosticsText, plural, stageTimes, summary, useColor, useProgress } from '../../src/report.ts';

const SGR = /\u001b\[[\d;]*m/;
const stats = (over: Partial<BuildStats> = {}): BuildStats => ({ posts: 12, pages: 1, tags: 20, categories: 3, files: 84, cached: 10, rendered: 3, ms: 3456, stages: {}, ...over });

describe('when to colour and when to draw progress', () => {
  it('colours a terminal only, and never with NO_COLOR or TERM=dumb', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('draws progress on a terminal, not in CI, not with --quiet', () => {
    expect(useProgress({ isTTY: true }, {}, false)).toBe(true);
    expect(useProgress({ isTTY: false }, {}, false)).toBe(false);
    expect(useProgress({ isTTY: true }, { CI: 'true' }, false)).toBe(false);
    expect(useProgress({ isTTY: true }, {}, true)).toBe(false);
  });
});

describe('the summary line', () => {
  it('counts posts, pages, tags and categories, the time, and the documents from the cache', () => {
    expect(summary({ ok: true, stats: stats(), diagnostics: [] }, 'dist')).toBe(
      'built 12 posts, 1 page, 20 tags, 3 categories into dist in 3.46 s (84 files; 10 of 13 documents from the cache)',
    );
  });

  it('says when nothing changed, and counts warnings', () => {
    const warning = diagnostic('a.md', 1, 1, 'w', 'x', 'warning');
    expect(summary({ ok: true, stats: stats({ upToDate: true, ms: 4 }), diagnostics: [warning, warning] }, 'dist')).toBe(
      'nothing changed: dist is up to date (12 posts, 1 page, 20 tags, 3 categories) in 4 ms, 2 warnings',
    );
  });

  it('says a failed build left the output alone', () => {
    const error = diagnostic('a.md', 1, 1, 'e', 'x');
    expect(summary({ ok: false, stats: stats(), diagnostics: [error] }, 'out')).toBe('build failed with 1 error in 3.46 s; out was left as it was');
  });

  it('pluralises English', () => {
    expect([plural(0, 'post'), plural(1, 'post'), plural(2, 'category'), plural(1, 'category')]).toEqual(['0 posts', '1 post', '2 categories', '1 category']);
  });
});

describe('stage timings', () => {
  it('lists the stages that ran, in pipeline order', () => {
    expect(stageTimes({ search: 1200, load: 12, render: 800 })).toBe('stages: load 12 ms · render 800 ms · search 1.20 s');
  });
});

describe('diagnostics for people', () => {
  const source = '---\ntitle: t\n---\n\n```klingon\nx\n```\n\n$\\frac{1}{$\n';
  const result: Pick<BuildResult, 'diagnostics' | 'sources'> = {
    diagnostics: [diagnostic('p.md', 9, 1, 'KaTeX cannot render', 'math'), diagnostic('p.md', 5, 1, 'unknown code language "klingon"', 'code', 'warning')],
    sources: new Map([['p.md', source]]),
  };

  it('shows errors with a code frame and warnings on one line, pointing to --verbose', () => {
    const text = diagnosticsText(result, { verbose: false, quiet: false, color: false });
    expect(text).toContain('p.md:9:1: error: KaTeX cannot render\n');
    expect(text).toMatch(/> +9 \| \$\\frac\{1\}\{\$/);
    expect(text).toContain('p.md:5:1: warning: unknown code language "klingon"\n');
    expect(text).not.toMatch(/> +5 \|/);
    expect(text).toContain('--verbose');
    expect(text).not.toMatch(SGR);
  });

  it('--verbose frames warnings too; --quiet drops them', () => {
    expect(diagnosticsText(result, { verbose: true, quiet: false, color: false })).toMatch(/> +5 \| ```klingon/);
    const quiet = diagnosticsText(result, { verbose: false, quiet: true, color: false });
    expect(quiet).toContain('error: KaTeX');
    expect(quiet).not.toContain('warning');
  });

  it('colours the severity only when asked', () => {
    const text = diagnosticsText(result, { verbose: false, quiet: false, color: true });
    expect(text).toContain('\u001b[31;1merror\u001b[0m');
    expect(text).toContain('\u001b[33;1mwarning\u001b[0m');
  });

  it('says nothing when there is nothing to say', () => {
    expect(diagnosticsText({ diagnostics: [], sources: new Map() }, { verbose: true, quiet: false, color: true })).toBe('');
  });
});
