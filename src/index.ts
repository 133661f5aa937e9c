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
  const [{ build: run }, { ConfigError }, { RefusedOutputError }] = await Promise.all([import('./build.ts'), import('./config.ts'), import('./output/out-guard.ts')]);
  try {
    const r = await run(options);
    return { ok: r.ok, problems: r.diagnostics, outDir: r.outDir, posts: r.stats.posts, pages: r.stats.pages, files: r.stats.files, ms: r.stats.ms };
  } catch (error) {
    const outDir = path.resolve(options.root ?? '.', options.outDir ?? 'dist');
    if (error instanceof RefusedOutputError) {
      const problems = [{ file: outDir, line: 1, column: 1, message: error.message, severity: 'error' as const, rule: 'output/refused' }];
      return { ok: false, problems, outDir, posts: 0, pages: 0, files: 0, ms: Math.round(performance.now() - started) };
    }
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.problems.map((p) => ({ file: p.file, line: p.line ?? 1, column: 1, message: p.message, severity: 'error' as const, rule: 'config/invalid' }));
    return { ok: false, problems, outDir, posts: 0, pages: 0, files: 0, ms: Math.round(performance.now() - started) };
  }
}
