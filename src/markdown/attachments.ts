import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';

/**
 * Files beside a post, and files in public/, are published as they are on the site's own origin.
 * A file that a browser opens as a document (HTML, XML, an SVG on its own, script types) runs its
 * scripts there, so only types that cannot are published: an allow-list, never a deny-list.
 */
export const PUBLISHED_TYPES = {
  images: ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico', '.bmp', '.tif', '.tiff', '.svg'],
  documents: ['.pdf', '.txt', '.md', '.csv', '.tsv', '.json', '.jsonl', '.yaml', '.yml', '.toml', '.tex', '.bib', '.log', '.epub', '.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp'],
  'code and notebooks (served as text or as downloads)': ['.ipynb', '.py', '.r', '.jl', '.m', '.c', '.h', '.cc', '.cpp', '.hpp', '.cu', '.rs', '.go', '.java', '.kt', '.scala', '.lua', '.sql', '.proto', '.cfg', '.ini', '.conf', '.diff', '.patch'],
  'data and models': ['.npy', '.npz', '.h5', '.hdf5', '.parquet', '.arrow', '.feather', '.pt', '.pth', '.onnx', '.safetensors', '.ckpt', '.mat', '.pkl'],
  archives: ['.zip', '.tar', '.gz', '.tgz', '.bz2', '.xz', '.zst', '.7z'],
  'audio and video': ['.mp3', '.m4a', '.wav', '.flac', '.ogg', '.oga', '.mp4', '.m4v', '.webm', '.ogv', '.mov'],
} as const;

/** Only in public/: the site's own fonts, styles and host files. */
export const PUBLIC_ONLY_TYPES = {
  'fonts and styles': ['.woff', '.woff2', '.ttf', '.otf', '.css'],
  'web app manifest': ['.webmanifest'],
} as const;

/** Host files without an extension that a static site may need at its root. */
export const PUBLIC_NAMES = ['CNAME', '_headers', '_redirects', 'LICENSE', '.nojekyll'];

const ALLOWED = new Set<string>(Object.values(PUBLISHED_TYPES).flat());
const ALLOWED_PUBLIC = new Set<string>([...ALLOWED, ...Object.values(PUBLIC_ONLY_TYPES).flat()]);

export type FilePlace = 'content' | 'public';

/** The allow-list as one line for messages. */
export function publishedTypesText(place: FilePlace): string {
  const groups: Record<string, readonly string[]> = place === 'public' ? { ...PUBLISHED_TYPES, ...PUBLIC_ONLY_TYPES } : PUBLISHED_TYPES;
  return Object.entries(groups)
    .map(([name, exts]) => `${name} (${exts.join(' ')})`)
    .join('; ');
}

const verdicts = new Map<string, { stamp: string; problem: string | undefined }>();

/**
 * Why this file may not be published, or undefined when it may. An SVG is read and checked once
 * per process for each version of the file, however many pages use it.
 */
export function attachmentProblem(file: string, place: FilePlace = 'content'): string | undefined {
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (place === 'public' && PUBLIC_NAMES.includes(name)) return undefined;
  if (!(place === 'public' ? ALLOWED_PUBLIC : ALLOWED).has(ext)) {
    const what = ext ? `${ext} files are` : 'files without an extension are';
    return `${what} not published, since a browser might run them as a page of this site; allowed: ${publishedTypesText(place)}. Attach other files zipped`;
  }
  if (ext !== '.svg') return undefined;
  const s = statSync(file);
  const stamp = `${s.size}:${s.mtimeMs}`;
  const known = verdicts.get(file);
  if (known?.stamp === stamp) return known.problem;
  const reason = svgProblem(readFileSync(file, 'utf8'));
  const problem = reason ? `the SVG ${reason}; an SVG opened on its own runs as a page of this site, so only drawing is published` : undefined;
  verdicts.set(file, { stamp, problem });
  return problem;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Namespaces whose elements a browser may run or load documents from inside an SVG. */
const ACTIVE_NS = /^(http:\/\/www\.w3\.org\/1999\/xhtml|http:\/\/www\.w3\.org\/1998\/Math\/MathML)$/i;

/** SVG elements that draw, describe or animate a drawing: nothing that scripts or embeds. */
const SVG_ELEMENTS = new Set(
  [
    'svg', 'g', 'defs', 'desc', 'title', 'metadata', 'symbol', 'use', 'image', 'switch', 'style', 'a', 'view',
    'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textpath',
    'lineargradient', 'radialgradient', 'stop', 'pattern', 'clippath', 'mask', 'marker', 'filter',
    'feblend', 'fecolormatrix', 'fecomponenttransfer', 'fecomposite', 'feconvolvematrix', 'fediffuselighting',
    'fedisplacementmap', 'fedistantlight', 'fedropshadow', 'feflood', 'fefunca', 'fefuncb', 'fefuncg', 'fefuncr',
    'fegaussianblur', 'feimage', 'femerge', 'femergenode', 'femorphology', 'feoffset', 'fepointlight',
    'fespecularlighting', 'fespotlight', 'fetile', 'feturbulence',
    'animate', 'animatemotion', 'animatetransform', 'set', 'mpath',
  ],
);

/** A link target an SVG may use: a fragment, a relative path, a web URL or a raster data URL. */
const SAFE_URL = /^(#|[^:]*$|https?:|mailto:|data:image\/(png|jpe?g|gif|webp|avif)[;,])/i;

/**
 * The first thing in an SVG document that is not drawing, described for the author, or
 * undefined. Checked: DOCTYPE internal subsets (they can add attributes and entities that a
 * scan cannot see), processing instructions, namespaces that embed HTML or MathML, elements
 * outside the drawing allow-list, event handlers, script URLs and animations that set them.
 */
export function svgProblem(svg: string): string | undefined {
  let found: string | undefined;
  const namespaces = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  let inStyle = 0;
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (found) return;
        const lower = name.toLowerCase();
        if (lower === '!doctype') {
          if (data.includes('[')) found = 'has a DOCTYPE with an internal subset (declarations inside [ ]); remove it, or keep only `<!DOCTYPE svg PUBLIC …>`';
        } else if (lower.startsWith('!')) found = `has a markup declaration (<${name}>)`;
        else if (lower !== '?xml') found = `has a processing instruction (<${name}>), which may transform the document`;
      },
      onopentag(name, attrs) {
        if (found) return;
        for (const [attr, value] of Object.entries(attrs)) {
          if (attr === 'xmlns' || attr.startsWith('xmlns:')) {
            const prefix = attr === 'xmlns' ? '' : attr.slice(6);
            if (ACTIVE_NS.test(value.trim())) found = `declares the namespace ${value.trim()}, which embeds HTML or MathML`;
            else if (prefix === '' && value.trim() !== SVG_NS) found = `sets its default namespace to "${value.slice(0, 60)}" instead of SVG's`;
            else if (namespaces.has(prefix) && namespaces.get(prefix) !== value.trim()) found = `binds the prefix "${prefix}" to two namespaces`;
            else namespaces.set(prefix, value.trim());
          }
        }
        if (found) return;
        const colon = name.indexOf(':');
        const prefix = colon < 0 ? '' : name.slice(0, colon);
        const local = (colon < 0 ? name : name.slice(colon + 1)).toLowerCase();
        // Unprefixed elements are SVG; a prefix bound to SVG is too. Other namespaces (Inkscape,
        // RDF metadata) are inert in a browser, but an undeclared prefix is refused.
        if (colon >= 0 && !namespaces.has(prefix)) {
          found = `uses the undeclared prefix in <${name}>`;
          return;
        }
        const isSvg = colon < 0 || namespaces.get(prefix) === SVG_NS;
        if (isSvg && local === 'style') inStyle++;
        if (isSvg && !SVG_ELEMENTS.has(local)) {
          found = `contains <${name}>, which is not a drawing element`;
          return;
        }
        for (const [attr, value] of Object.entries(attrs)) {
          const a = attr.toLowerCase().replace(/^.*:/, '');
          // eslint-disable-next-line no-control-regex
          const url = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
          if (a.startsWith('on')) found ??= `has an event handler (${attr} on <${name}>)`;
          else if ((a === 'href' || a === 'src') && !SAFE_URL.test(url)) found ??= `links to a script or document URL (${attr}="${value.slice(0, 40)}")`;
          else if (['set', 'animate'].includes(local) && a === 'attributename' && /^(.*:)?(href|on.*)$/i.test(value.trim())) found ??= `animates a link or a handler (<${name} attributeName="${value}">)`;
          else if (a === 'style' && /@import|expression\s*\(|javascript:/i.test(value)) found ??= `has a style that imports or runs code`;
        }
      },
      onclosetag(name) {
        if (name.replace(/^.*:/, '').toLowerCase() === 'style' && inStyle > 0) inStyle--;
      },
      ontext(text) {
        // <style> content: no imports, no script URLs.
        if (!found && inStyle > 0 && /@import|javascript:|expression\s*\(/i.test(text)) found = 'has a style sheet that imports or runs code';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(svg);
  parser.end();
  return found;
}
