import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ParseCache } from '../../../src/cache/parse-cache.ts';
import { parseSource } from '../../../src/content/frontmatter.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const sources = [
  '---\ntitle: 标题\ndate: 2026-01-11\nupdated: 2026-02-01T08:00:00+08:00\ntags: [BERT]\n---\n\n\n\n正文第一段。\n',
  '---\ntitle: 坏的\ndate: 2026-02-30\ntgas: [x]\n---\n正文\n',
  '---\ntitle: "未闭合\ndate: 2026-01-11\n---\n',
];

describe('the frontmatter parse cache', () => {
  it('gives back exactly what parsing gives, from a later build', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-parse-'));
    dirs.push(dir);
    const first = new ParseCache(dir, 'site-key');
    for (const text of sources) first.parse(text, 'a.md', () => parseSource(text, 'a.md', 'Asia/Shanghai'));
    first.save();
    const second = new ParseCache(dir, 'site-key');
    for (const text of sources) {
      let ran = false;
      const got = second.parse(text, 'a.md', () => {
        ran = true;
        return parseSource(text, 'a.md', 'Asia/Shanghai');
      });
      expect(ran).toBe(false);
      expect(got).toEqual(parseSource(text, 'a.md', 'Asia/Shanghai'));
    }
    // Another path or zone is another entry.
    let ran = false;
    second.parse(sources[0]!, 'b.md', () => ((ran = true), parseSource(sources[0]!, 'b.md', 'UTC')));
    expect(ran).toBe(true);
  });

  it('treats a damaged cache file as empty', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'folio-parse-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'parse.json'), '{"broken": ');
    const cache = new ParseCache(dir, 'site-key');
    const text = sources[0]!;
    expect(cache.parse(text, 'a.md', () => parseSource(text, 'a.md', 'Asia/Shanghai'))).toEqual(parseSource(text, 'a.md', 'Asia/Shanghai'));
  });
});
