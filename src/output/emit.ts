import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { RenderContext } from '../config/types.ts';
import type { PublicFile } from '../content/public-files.ts';
import { routeFiles } from '../plugins/layer.ts';
import type { Site } from '../site/model.ts';
import { outputFile } from '../site/urls.ts';
import { PageKeys } from './page-keys.ts';

export interface EmitOptions {
  /** The files of public/ (`listPublic`, walked once per build), copied as they are; a generated file of the same name yields. */
  publicFiles?: readonly PublicFile[];
  /** The site's cache key (`siteKey`): every page key covers it. */
  cacheKey?: string;
  /** Digest of the site's own templates (templates/): only `folio dev` passes it, whose cacheKey is not taken again on a template edit (a build's cacheKey covers them). */
  templatesKey?: string;
  /** The site config as shown in messages (a site plugin's mistakes are reported at it). */
  configFile?: string;
}

/**
 * One file of the site whose content is produced only when asked for: the dev server lists the
 * site's files and renders just the one requested. Compute per-page data (backlinks, related
 * posts) inside `render`, so that asking for one page never renders the whole site.
 */
export type LazyFile = { path: string; render: () => string | Uint8Array; key?: () => string } | { path: string; copyFrom: string };

/**
 * Every file of the site, each rendered on demand: the routing table shared by build and dev.
 * The files are the plugins' routes (src/plugins/), then public/, then the routes that yield to
 * a file of public/ (robots.txt). Pure: nothing touches the disk here but listing public/.
 */
export function siteFiles(site: Site, ctx: RenderContext, options: EmitOptions = {}): LazyFile[] {
  const keys = new PageKeys(ctx, options.cacheKey, options.templatesKey);
  const publicFiles = options.publicFiles ?? [];
  const files: LazyFile[] = [];
  const fallbacks: LazyFile[] = [];
  for (const route of routeFiles(site, publicFiles.map((f) => f.rel), options.configFile)) {
    const path = outputFile(route.path);
    if (!('render' in route)) {
      files.push({ path, copyFrom: route.copyFrom });
      continue;
    }
    // A page is keyed by the data its template is given (see PageKeys).
    const kind = path.endsWith('.html') && route.path.endsWith('/') ? 'page' : 'file';
    // The key and the page take the same data: computed once (a post's related posts and
    // backlinks are the costly part), and let go once the page is rendered.
    let data: { value: unknown } | undefined;
    const once = () => (data ??= { value: route.data() }).value;
    (route.fallback ? fallbacks : files).push({
      path,
      render: () => {
        const out = route.render(ctx, once());
        data = undefined;
        return typeof out === 'string' ? out : html(out);
      },
      key: () => keys.of(kind, kind === 'page' ? route.path : path, once()),
    });
  }
  const generated = new Set(files.map((f) => f.path));
  for (const f of publicFiles) {
    if (!generated.has(f.rel)) files.push({ path: f.rel, copyFrom: f.source });
  }
  const present = new Set(files.map((f) => f.path));
  for (const f of fallbacks) if (!present.has(f.path)) files.push(f);
  return files;
}

function html(tree: Root): string {
  return `${toHtml(tree, { allowDangerousHtml: true })}\n`;
}
