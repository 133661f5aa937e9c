import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';

/**
 * Files beside a post are published as they are, on the site's own origin. A file a browser
 * renders as a document (HTML, XML, an SVG opened on its own) runs its scripts there, so a
 * contributed attachment could do what raw HTML in a post cannot. Those types are refused, and
 * an SVG must be a picture: no script, handler, script URL, embedded document or entity tricks.
 */
const ACTIVE_TYPES = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml', '.xml', '.xsl', '.xslt', '.svgz', '.js', '.mjs', '.cjs', '.swf']);

/** Why this file may not be published beside a post, or undefined when it may. */
export function attachmentProblem(file: string): string | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ACTIVE_TYPES.has(ext)) return `a ${ext} file would run as a page of this site when opened; attach it zipped, or as .txt`;
  if (ext === '.svg') {
    const reason = svgScript(readFileSync(file, 'utf8'));
    if (reason) return `the SVG ${reason}, which would run when the image is opened on its own; remove it`;
  }
  return undefined;
}

const SCRIPT_URL = /^(javascript|vbscript|data:(?!image\/(png|jpe?g|gif|webp|avif)[;,]))/i;
const EMBEDDING = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);

/** The first active part of an SVG document, described for the author. */
export function svgScript(svg: string): string | undefined {
  // Entities declared in the document's own DTD expand in a browser but not in our scan.
  if (/<!ENTITY[^>]*["'][^"']*[<&]/i.test(svg)) return 'declares an entity with markup in its DOCTYPE';
  if (/<\?xml-stylesheet/i.test(svg)) return 'links a stylesheet that may transform it (xml-stylesheet)';
  let found: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (found) return;
        const local = name.toLowerCase().replace(/^.*:/, '');
        if (EMBEDDING.has(local)) found = `contains <${name}>`;
        for (const [attr, value] of Object.entries(attrs)) {
          const a = attr.toLowerCase().replace(/^.*:/, '');
          // eslint-disable-next-line no-control-regex
          const url = value.replace(/[\u0000-\u0020]/g, '');
          if (a.startsWith('on')) found ??= `has an event handler (${attr} on <${name}>)`;
          else if ((a === 'href' || a === 'src') && SCRIPT_URL.test(url)) found ??= `links to a script URL (${attr}="${value.slice(0, 40)}")`;
          else if ((local === 'set' || local === 'animate') && a === 'attributename' && /href/i.test(value)) found ??= `animates a link target (<${name} attributeName="${value}">)`;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(svg);
  parser.end();
  return found;
}
