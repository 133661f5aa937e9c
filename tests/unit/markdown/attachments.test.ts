import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentProblem, svgScript } from '../../../src/markdown/attachments.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-attach-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

describe('attachments published beside a post', () => {
  it('refuses file types a browser runs as a document of the site', () => {
    for (const name of ['a.html', 'b.HTM', 'c.xhtml', 'd.xml', 'e.js', 'f.mjs', 'g.svgz', 'h.xsl']) {
      expect(attachmentProblem(file(name, 'x')), name).toMatch(/would run as a page of this site/);
    }
  });

  it('accepts data and pictures', () => {
    for (const name of ['a.png', 'b.pdf', 'c.csv', 'd.zip', 'e.ipynb', 'f.py', 'g.txt']) expect(attachmentProblem(file(name, 'x')), name).toBeUndefined();
    expect(attachmentProblem(file('clean.svg', '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org"><text>x</text></a><image href="data:image/png;base64,AA=="/></svg>'))).toBeUndefined();
  });

  it.each([
    ['<svg onload="alert(1)"/>', /event handler \(onload on <svg>\)/],
    ['<svg><script>alert(1)</script></svg>', /contains <script>/],
    ['<svg><SCRIPT>alert(1)</SCRIPT></svg>', /contains <SCRIPT>/],
    ['<svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>', /contains <s:script>/],
    ['<svg><a xlink:href="jav&#x61;script:alert(1)"><text>x</text></a></svg>', /script URL/],
    ['<svg><a href=" java\tscript:alert(1)"><text>x</text></a></svg>', /script URL/],
    ['<svg><a href="data:text/html,<script>alert(1)</script>"><text>x</text></a></svg>', /script URL/],
    ['<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>', /<foreignObject>/],
    ['<svg><iframe src="https://example.org"/></svg>', /<iframe>/],
    ['<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>', /animates a link target/],
    ['<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg>&x;</svg>', /entity with markup/],
    ['<!DOCTYPE svg [<!ENTITY x "&#60;script>alert(1)&#60;/script>">]><svg>&x;</svg>', /entity with markup/],
    ['<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg/>', /xml-stylesheet/],
  ])('an SVG that is not just a picture is refused: %s', (svg, reason) => {
    expect(svgScript(svg)).toMatch(reason);
  });
});
