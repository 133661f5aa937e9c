import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentProblem, publishedTypesText, svgProblem } from '../../../src/markdown/attachments.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-attach-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

describe('attachments published beside a post', () => {
  it('publishes only allow-listed types: whatever a browser might run as a page is refused, with the list', () => {
    // .xsd and .rng are served as XML and ran script in Chromium; .ecma is a JavaScript type.
    for (const name of ['a.html', 'b.HTM', 'c.xhtml', 'd.xml', 'e.js', 'f.mjs', 'g.svgz', 'h.xsl', 'i.xsd', 'j.rng', 'k.ecma', 'l.swf', 'm.wasm', 'n.shtml', 'o.php', 'README']) {
      const problem = attachmentProblem(file(name, 'x'));
      expect(problem, name).toMatch(/not published, since a browser might run them as a page of this site/);
      expect(problem, name).toContain(publishedTypesText('content'));
    }
    expect(publishedTypesText('content')).toMatch(/images \(\.png .*\.svg\)/);
  });

  it('public/ allows host files and fonts as well, but no pages or scripts', () => {
    for (const name of ['CNAME', 'font.woff2', 'site.webmanifest', 'extra.css']) expect(attachmentProblem(file(name, 'x'), 'public'), name).toBeUndefined();
    for (const name of ['font.woff2', 'extra.css']) expect(attachmentProblem(file(name, 'x'), 'content'), name).toMatch(/not published/);
    for (const name of ['verify.html', 'tracker.js', 'feed.xsl']) expect(attachmentProblem(file(name, 'x'), 'public'), name).toMatch(/not published/);
  });

  it('accepts data and pictures', () => {
    for (const name of ['a.png', 'b.pdf', 'c.csv', 'd.zip', 'e.ipynb', 'f.py', 'g.txt']) expect(attachmentProblem(file(name, 'x')), name).toBeUndefined();
    expect(attachmentProblem(file('clean.svg', '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org"><text>x</text></a><image href="data:image/png;base64,AA=="/></svg>'))).toBeUndefined();
  });

  it('accepts what drawing programs write: an external DTD, Inkscape and RDF metadata, styles, gradients, animation', () => {
    const inkscape = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
  xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:space="preserve" viewBox="0 0 10 10">
  <sodipodi:namedview inkscape:zoom="1"/><metadata><rdf:RDF><dc:title>图</dc:title></rdf:RDF></metadata>
  <style>.a { fill: url(#g); font-family: sans-serif }</style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><marker id="m"><path d="M0 0L1 1"/></marker></defs>
  <g inkscape:label="layer"><rect class="a" width="5" height="5"><animate attributeName="opacity" to="0.5" dur="1s"/></rect><use xlink:href="#m"/><text>javascript: 是一个 URL 方案</text></g>
</svg>`;
    expect(svgProblem(inkscape)).toBeUndefined();
  });

  it('checks an SVG used many times once, and again when it changes', () => {
    const big = file('big.svg', `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(100_000)}</svg>`);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) expect(attachmentProblem(big)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5000);
    writeFileSync(big, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    expect(attachmentProblem(big)).toMatch(/event handler/);
  });

  it.each([
    ['<svg onload="alert(1)"/>', /event handler \(onload on <svg>\)/],
    ['<svg><script>alert(1)</script></svg>', /contains <script>/],
    ['<svg><SCRIPT>alert(1)</SCRIPT></svg>', /contains <SCRIPT>/],
    ['<svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>', /contains <s:script>/],
    ['<svg><a xlink:href="jav&#x61;script:alert(1)"><text>x</text></a></svg>', /script or document URL/],
    ['<svg><a href=" java\tscript:alert(1)"><text>x</text></a></svg>', /script or document URL/],
    ['<svg><a href="data:text/html,<script>alert(1)</script>"><text>x</text></a></svg>', /script or document URL/],
    ['<svg><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>', /<foreignObject>/],
    ['<svg><iframe src="https://example.org"/></svg>', /<iframe>/],
    ['<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>', /animates a link or a handler/],
    ['<svg><set attributeName="onclick" to="alert(1)"/></svg>', /animates a link or a handler/],
    ['<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg>&x;</svg>', /DOCTYPE with an internal subset/],
    ['<!DOCTYPE svg [<!ENTITY x "&#60;script>alert(1)&#60;/script>">]><svg>&x;</svg>', /DOCTYPE with an internal subset/],
    // The review's finding: an ATTLIST default adds a handler that no element shows.
    ['<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="http://www.w3.org/2000/svg"/>', /DOCTYPE with an internal subset/],
    ['<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg/>', /processing instruction/],
    ['<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>', /embeds HTML/],
    ['<svg xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></svg>', /embeds HTML/],
    ['<svg xmlns="http://example.org/other"><script>alert(1)</script></svg>', /default namespace/],
    ['<svg><x:script>alert(1)</x:script></svg>', /undeclared prefix/],
    ['<svg><style>@import url(https://example.org/x.css);</style></svg>', /style sheet that imports/],
    ['<svg><handler>alert(1)</handler></svg>', /not a drawing element/],
  ])('an SVG that is not just a picture is refused: %s', (svg, reason) => {
    expect(svgProblem(svg)).toMatch(reason);
  });
});
