import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/decode.ts';
import type { Diagnostic } from '../../src/content/diagnostic.ts';
import { parseSource } from '../../src/content/frontmatter.ts';
import { createProcessor } from '../../src/markdown/processor.ts';
import { renderDocument } from '../../src/markdown/render.ts';

/**
 * Property tests: thousands of generated posts (frontmatter + Markdown, mostly plausible, often
 * broken, sometimes hostile) go through load (decode + parseSource) and render. Nothing may
 * throw or hang, and every problem must be a Diagnostic that points inside the file.
 */
const RUNS = 2_000;
const contentDir = mkdtempSync(path.join(tmpdir(), 'folio-prop-'));
writeFileSync(path.join(contentDir, 'figure.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

const processor = createProcessor({ math: { failOn: 'error' } });
const docPaths = { 'posts/a.md': '/posts/a/', 'posts/sub/b.md': '/posts/b/' };

const word = fc.constantFrom('自监督', '学习', 'MAE', 'loss', '对比', '😀', 'x', 'é', '\u200b', '\u0007', '…', '“引号”', '&amp;', '&#x6a;', '\\', '`', '*', '_', '~', '|', '<', '>', '[', ']', '(', ')', '{', '}', '$', '#', '!', ':', '"', "'", '\t', ' ');
const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(''));

const yamlValue = fc.oneof(
  text,
  fc.constantFrom('2025-01-01', '2025-02-30', '2025-13-01', '2025-01-01T08:30:00+08:00', '2025-01-01 25:61', '上周', 'true', 'yes', '42', '-1.5e3', 'null', '~', '[]', '{}'),
  fc.array(text, { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`),
  text.map((t) => `"${t}`), // unclosed quote
  text.map((t) => `'${t}'`),
  text.map((t) => `[${t}`), // unclosed bracket
  text.map((t) => `{a: ${t}`),
  fc.constantFrom('&a x', '*a', '*undefined', '!!binary aGk=', '!!js/function "x"', '|\n  多行\n  文本', '>-\n  折叠'),
);
const key = fc.constantFrom('title', 'date', 'updated', 'tags', 'category', 'summary', 'series', 'seriesOrder', 'slug', 'draft', 'tgas', 'Title', 'x', '<<', '? complex', '- item', '');
const fmLine = fc.oneof(
  fc.tuple(key, yamlValue).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(key, fc.array(text, { maxLength: 3 })).map(([k, xs]) => `${k}:\n${xs.map((x) => `  - ${x}`).join('\n')}`),
  text,
  fc.constantFrom('\ttags: [a]', '  title: 缩进', '---', '...', '# 注释', ''),
);
const safe = fc.constantFrom('自监督学习', 'MAE', '对比 学习', 'PyTorch', 'loss-function', '目标检测');
const validLine = fc.oneof(
  fc.array(safe, { maxLength: 4 }).map((xs) => `tags: [${xs.join(', ')}]`),
  safe.map((x) => `category: ${x}`),
  safe.map((x) => `series: ${x}`),
  safe.map((x) => `summary: "${x}"`),
  fc.constantFrom('draft: false', 'updated: 2025-03-01', 'seriesOrder: 2', 'slug: custom-slug'),
);
const frontmatter = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(text, fc.uniqueArray(validLine, { maxLength: 4, selector: (l) => l.split(':')[0] })).map(([title, lines]) => `---\ntitle: "${title.replace(/["\\]/g, '')}"\ndate: 2025-01-01\n${lines.join('\n')}\n---\n`) },
  { weight: 4, arbitrary: fc.tuple(text, fc.array(fmLine, { maxLength: 8 })).map(([title, lines]) => `---\ntitle: "${title.replace(/["\\]/g, '')}"\ndate: 2025-01-01\n${lines.join('\n')}\n---\n`) },
  { weight: 3, arbitrary: fc.array(fmLine, { maxLength: 10 }).map((lines) => `---\n${lines.join('\n')}\n---\n`) },
  { weight: 1, arbitrary: fc.array(fmLine, { maxLength: 5 }).map((lines) => `---\n${lines.join('\n')}\n`) }, // unclosed
  { weight: 1, arbitrary: fc.constant('') },
);

const url = fc.oneof(
  fc.constantFrom('./a.md', './a.md#方法', './sub/b.md#x', './missing.md', '../outside.md', '../../etc/passwd', './figure.svg', './nope.png', '#本节', '#', '', '/posts/a/', '//evil.example', 'https://example.org/路径?q=1#片段'),
  fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java&#x09;script:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', '%6Aavascript:alert(1)', 'http://[::1', 'http://a b', 'mailto:a@b'),
  text,
);
const inline = fc.oneof(
  text,
  text.map((t) => `**${t}**`),
  text.map((t) => `_${t}_`),
  text.map((t) => `\`${t}\``),
  text.map((t) => `~~${t}~~`),
  fc.constantFrom('$x^2$', '$\\frac{1}{2}$', '$\\frac{1$', '$\\foo$', '$中文$', '$\\href{javascript:alert(1)}{x}$', '$\\url{javascript:alert(1)}$', '$\\htmlClass{x}{y}$', '$$', '$ $', '$\\\\$', '$\\text{'),
  fc.tuple(text, url).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(text, url).map(([t, u]) => `![${t}](${u})`),
  fc.tuple(text, url).map(([t, u]) => `![${t}](${u} "图 1：${t}")`),
  fc.constantFrom('[[a]]', '[[不存在]]', '[[a#方法|别名]]', '[^1]', '[^注]', '<https://example.org>', 'www.example.org', 'a@b.co'),
  fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<kbd>Ctrl</kbd>', '<sup>1</sup>', '<!-- 注释 -->', '<!-- more -->', '</div>', '<div>', '<details><summary>摘要</summary>', '<math><mi>x</mi></math>', '<iframe src=//evil>', '<br>', '&nbsp;', '&#0;', '&#xD800;'),
);
const paragraph = fc.array(inline, { minLength: 1, maxLength: 8 }).map((xs) => xs.join(' '));
const block = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', 'python', 'ts', 'klingon', 'text', 'math', '"><script>'), text).map(([lang, t]) => `\`\`\`${lang}\n${t}\n\`\`\``) },
  { weight: 1, arbitrary: text.map((t) => `$$\n${t}\n$$`) },
  { weight: 1, arbitrary: fc.constantFrom('$$\n\\sum_{i=1}^n x_i\n$$', '$$\n\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}\n$$', '$$\n\\left(\n$$') },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((xs) => xs.map((x) => `- ${x}`).join('\n')) },
  { weight: 1, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((xs) => xs.map((x) => `1. ${x}`).join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 80 }), paragraph).map(([n, x]) => `${'> '.repeat(n)}${x}`) },
  { weight: 1, arbitrary: fc.tuple(text, text).map(([a, b]) => `| ${a} | ${b} |\n| --- | :-: |\n| ${b} | ${a} |`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '<!-- more -->', '[^1]: 脚注', '[ref]: https://example.org', '<div align="center">\n\n**居中**\n\n</div>', '    缩进代码') },
);
const body = fc.array(block, { maxLength: 10 }).map((blocks) => blocks.join('\n\n'));
const document = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(frontmatter, body).map(([fm, b]) => `${fm}\n${b}\n`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

/** Every diagnostic points at a real line of the text it was found in. */
function expectPositioned(diagnostics: Diagnostic[], file: string, source: string): void {
  const lines = source.split('\n').length;
  for (const d of diagnostics) {
    expect(d.file).toBe(file);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines, `line ${d.line} of ${lines}: ${d.message}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, `column ${d.column}: ${d.message}`).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.message.trim()).not.toBe('');
    expect(d.rule).toMatch(/^[a-z-]+\/[a-zA-Z-]+$/);
  }
}

describe('generated posts through load and render', () => {
  const slowest = { ms: 0, doc: '' };
  let rendered = 0;
  const seen = { frontmatterErrors: 0, renderErrors: 0, renderWarnings: 0, clean: 0 };

  // 2,000 renders: minutes on a busy two-core machine; the per-document bound is the real check.
  it(`${RUNS} generated documents: no crash, no hang, every problem positioned`, { timeout: 400_000 }, () => {
    fc.assert(
      fc.property(document, (source) => {
        const started = performance.now();
        const decoded = decodeSource(new TextEncoder().encode(source), 'posts/a.md');
        if ('error' in decoded) {
          expectPositioned([decoded.error], 'posts/a.md', source.replace(/\r\n?/g, '\n'));
          return;
        }
        const parsed = parseSource(decoded.text, 'posts/a.md', 'Asia/Shanghai');
        expectPositioned(parsed.diagnostics, 'posts/a.md', decoded.text);
        // Rendering runs on every body, as the dev server does for a post with frontmatter errors.
        const r = renderDocument(processor, { rel: 'posts/a.md', displayPath: 'posts/a.md', body: parsed.body, sitePath: '/posts/a/', docPaths, contentDir, base: '/kb/' });
        rendered++;
        expect(typeof r.html).toBe('string');
        expectPositioned(r.diagnostics, 'posts/a.md', decoded.text);
        if (parsed.diagnostics.length > 0) seen.frontmatterErrors++;
        if (r.diagnostics.some((d) => d.severity === 'error')) seen.renderErrors++;
        if (r.diagnostics.some((d) => d.severity === 'warning')) seen.renderWarnings++;
        if (parsed.diagnostics.length + r.diagnostics.length === 0) seen.clean++;
        const ms = performance.now() - started;
        if (ms > slowest.ms) Object.assign(slowest, { ms, doc: source });
        expect(ms, 'one small document took over 5 s').toBeLessThan(5_000);
      }),
      { numRuns: RUNS },
    );
    console.log(`rendered ${rendered} generated documents; slowest ${slowest.ms.toFixed(0)} ms; ${JSON.stringify(seen)}`);
    expect(rendered).toBeGreaterThanOrEqual(RUNS * 0.9);
    // The generator reaches every outcome, so the property is not vacuous.
    for (const [outcome, count] of Object.entries(seen)) expect(count, outcome).toBeGreaterThan(RUNS / 50);
  });

  it('arbitrary bytes decode to text or to one positioned file error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeSource(bytes, 'posts/a.md');
        // Lines as an editor counts them: CR, LF and CRLF each end one.
        if ('error' in r) expectPositioned([r.error], 'posts/a.md', new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n'));
        else expect(r.text).not.toMatch(/\r|^\uFEFF/);
      }),
      { numRuns: RUNS },
    );
  });
});
