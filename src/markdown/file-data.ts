import type { VFile } from 'vfile';
import type { Diagnostic } from '../content/diagnostic.ts';

export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** A link from this document to another (or to itself), by source path. */
export interface OutLink {
  /** Content-relative source path of the target, e.g. `posts/ssl/mae.md`. */
  target: string;
  /** Decoded heading id, when the link has a fragment. */
  fragment?: string;
  line: number;
  column: number;
  /** The sentence around the link, for backlinks. */
  context: string;
}

/** What `[[…]]` may name: plain data, built once per build (see wikilinks.ts). */
export interface WikiIndex {
  /** Normalised slug → content-relative source paths (more than one is ambiguous). */
  slugs: Readonly<Record<string, readonly string[]>>;
  /** Normalised title → content-relative source paths. */
  titles: Readonly<Record<string, readonly string[]>>;
  /** Source path → title, for link labels. */
  titleOf: Readonly<Record<string, string>>;
}

/** A file beside a post that the page uses (an image, a PDF). */
export interface AssetRef {
  /** Absolute path on disk. */
  source: string;
  /** Site path the file is copied to, without the base. */
  path: string;
}

/** What the render plugins read from and write to `file.data`. */
export interface RenderData {
  /** Content-relative path of the document being rendered. */
  rel: string;
  /** Path shown to the author in messages. */
  displayPath: string;
  /** Site path of this document, without base: `/posts/mae/`. */
  sitePath: string;
  /** Source path (content-relative) → site path, for every document in the site. */
  docPaths: Readonly<Record<string, string>>;
  /** Slug and title lookup for wikilinks; without it every `[[…]]` is unresolved. */
  wikiIndex?: WikiIndex;
  contentDir: string;
  base: string;
  // Outputs:
  diagnostics: Diagnostic[];
  toc: TocEntry[];
  headingIds: string[];
  links: OutLink[];
  assets: AssetRef[];
  excerpt: string;
  /**
   * What rendering read besides the input: `doc:<rel>` → that post's URL, `file:<rel>` → the
   * file's size and mtime (or '' when missing). The render cache re-checks these.
   */
  deps: Record<string, string>;
  hasMath: boolean;
  hasCode: boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** Folio's render inputs and outputs (see RenderData), set by `renderDocument`. */
    folio: RenderData;
    /** The document as plain text, for reading time and search (remarkPlainText). */
    plainText: string;
  }
}

/** The document's RenderData; every Folio plugin runs inside `renderDocument`, which sets it. */
export function renderData(file: VFile): RenderData {
  const data = file.data.folio;
  if (data === undefined) throw new Error(`${file.path}: rendered without Folio's render data (use renderDocument)`);
  return data;
}
