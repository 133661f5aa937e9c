// The package's entry point: `import { defineConfig } from 'folio-ssg'` in a site's
// `site.config.ts`. Its declarations (lib/index.d.ts) are those of config/types.ts.
export * from './config/types.ts';
