// Everything the dev server renders with: the build's own stages, nothing else. This module is
// loaded through Vite's SSR module graph (not Node's), so an edit to a template or to Folio's
// code invalidates it and the next request runs the new code without a restart.
export { loadContent } from '../content/load.ts';
export { createProcessor, sitePlugins } from '../markdown/processor.ts';
export { renderDocument } from '../markdown/render.ts';
export { buildWikiIndex } from '../markdown/wikilinks.ts';
export { scanLinkTargets } from '../markdown/link-scan.ts';
export { narrowBacklinks } from '../site/knowledge.ts';
export { toDocs } from '../site/docs.ts';
export { collectSite } from '../site/collect.ts';
export { checkFragments } from '../site/link-check.ts';
export { outputFile } from '../site/urls.ts';
export { siteFiles } from '../output/emit.ts';
export { createContext } from '../plugins/context.ts';
export { markdownLabels, resolveStrings } from '../plugins/context.ts';
export { resolveConfig } from '../config.ts';
export { RenderCache } from '../cache/render-cache.ts';
