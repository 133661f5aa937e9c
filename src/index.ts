// The package's entry point: `import { defineConfig } from 'folio-ssg'` in a site's
// `site.config.ts`, and `build()` for scripts. Its declarations (lib/index.d.ts) are this
// file's and config/types.ts's, which import nothing else.
import path from 'node:path';
import type { BuildOptions, BuildSummary } from './config/types.ts';

export * from './config/types.ts';

/**
 * `folio build` as a function. Problems come back as values, config mistakes included (rule
 * `config/invalid`); the build itself is loaded on the first call.
 */
export async function build(options: BuildOptions = {}): Promise<BuildSummary> {
  const started = performance.now();
  const [{ build: run }, { ConfigError }] = await Promise.all([import('./build.ts'), import('./config.ts')]);
  try {
    const r = await run(options);
    return { ok: r.ok, problems: r.diagnostics, outDir: r.outDir, posts: r.stats.posts, pages: r.stats.pages, files: r.stats.files, ms: r.stats.ms };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.problems.map((p) => ({ file: p.file, line: p.line ?? 1, column: 1, message: p.message, severity: 'error' as const, rule: 'config/invalid' }));
    const outDir = path.resolve(options.root ?? '.', options.outDir ?? 'dist');
    return { ok: false, problems, outDir, posts: 0, pages: 0, files: 0, ms: Math.round(performance.now() - started) };
  }
}
