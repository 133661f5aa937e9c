// The pipeline's heavy stages (Markdown, KaTeX, highlight.js, templates, Vite, Pagefind), in
// one module that build.ts loads only when something has to be built: a build with nothing to
// do starts and ends without loading any of them.
export { createContext } from './plugins/context.ts';
export { markdownLabels, resolveStrings } from './plugins/context.ts';
export { outputKey, RenderCache, renderKey } from './cache/render-cache.ts';
export { loadContent } from './content/load.ts';
export { renderMany } from './markdown/render-pool.ts';
export { sitePlugins } from './markdown/processor.ts';
export { buildWikiIndex } from './markdown/wikilinks.ts';
export { PageReader } from './output/page-reader.ts';
export { prepareClientAssets } from './output/client-assets.ts';
export { siteFiles } from './output/emit.ts';
export { siteShape, trackBodies } from './output/page-keys.ts';
export { buildSearchIndex } from './output/search.ts';
export { AtomicOutput } from './output/writer.ts';
export { siteRedirects } from './site/aliases.ts';
export { collectSite } from './site/collect.ts';
export { toDocs } from './site/docs.ts';
export { checkFragments } from './site/link-check.ts';
export { checkNav } from './config/nav.ts';
