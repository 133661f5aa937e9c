import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';
import type { Doc, Site } from './model.ts';
import { outputFile } from './urls.ts';

/** Folders whose every path the site may generate (a new tag, a new list page, hashed assets). */
const OWNED_FOLDERS = new Set(['page', 'tags', 'categories', 'series', 'assets', 'pagefind']);
/** Single generated pages outside those folders. */
const GENERATED: [string, string][] = [
  ['index.html', 'the home page'],
  ['404.html', 'the "not found" page'],
  ['archives/index.html', 'the archives page'],
  ['search/index.html', 'the search page'],
];

/** An old path that leads to a document: a small redirect page is written there. */
export interface Redirect {
  /** Site path of the old page: `/2023/09/28/mae/`. */
  from: string;
  to: Doc;
}

/**
 * The redirect pages of the site, with an error at the alias's frontmatter line for every alias
 * that would take the place of something else: a post or page, a page the site generates (or
 * may generate, under /tags/, /page/, …), a file from public/, or another alias. Colliding aliases are left out, so the real page always wins.
 */
export function siteRedirects(site: Site, publicFiles: Iterable<string> = []): { redirects: Redirect[]; diagnostics: Diagnostic[] } {
  const docs: Doc[] = [...site.posts, ...site.pages].sort((a, b) => (a.rel < b.rel ? -1 : 1));
  const taken = new Map<string, string>();
  for (const doc of docs) taken.set(outputFile(doc.path), `${doc.file} (${doc.path})`);
  for (const [file, what] of GENERATED) taken.set(file, what);
  for (const file of publicFiles) taken.set(file, `public/${file}`);
  const redirects: Redirect[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    for (const alias of doc.aliases) {
      const file = outputFile(alias.path);
      const first = alias.path.split('/')[1]!;
      const owner =
        alias.path === doc.path ? 'this page itself'
        : taken.get(file) ?? (OWNED_FOLDERS.has(first) ? `the pages the site generates under /${first}/` : undefined);
      if (owner !== undefined) {
        diagnostics.push(diagnostic(doc.file, alias.line, alias.column, `alias ${alias.path} collides with ${owner}; remove it or choose another path`, 'frontmatter/alias-collision'));
        continue;
      }
      taken.set(file, `the alias in ${doc.file}:${alias.line}`);
      redirects.push({ from: alias.path, to: doc });
    }
  }
  return { redirects, diagnostics };
}
