#!/usr/bin/env node
// Compiles the CLI, the render worker and the package entry (`defineConfig`) into lib/ (run by
// `npm ci`, `npm pack` and installs from a git URL through `prepare`), so the installed CLI
// starts without a TypeScript loader. bin/folio.js falls back to the sources through tsx when
// lib/ is missing or older than them, so editing src/ never runs stale code. Code splitting keeps
// start-up small: the heavy stages load only when a build has work to do.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

let tools;
try {
  tools = { esbuild: await import('esbuild'), ts: (await import('typescript')).default };
} catch {
  // An install without devDependencies (`npm ci --omit=dev` in a checkout): bin/folio.js runs
  // the sources through tsx instead.
  console.warn('folio: esbuild or typescript is not installed; lib/ not built, the CLI will run from src/');
  process.exit(0);
}

rmSync('lib', { recursive: true, force: true });
await tools.esbuild.build({
  entryPoints: { cli: 'src/cli.ts', 'render-worker': 'src/markdown/render-worker.ts' },
  outdir: 'lib',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// The package entry on its own: a site's config loads it, and nothing else.
await tools.esbuild.build({ entryPoints: { index: 'src/index.ts' }, outdir: 'lib', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });

// The entry's types: config/types.ts imports nothing, so its declarations stand alone.
const types = tools.ts.transpileDeclaration(readFileSync('src/config/types.ts', 'utf8'), {
  fileName: 'types.ts',
  reportDiagnostics: true,
  compilerOptions: { strict: true, target: tools.ts.ScriptTarget.ES2022 },
});
if (types.diagnostics?.length) {
  for (const d of types.diagnostics) console.error(`src/config/types.ts: ${tools.ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  process.exit(1);
}
mkdirSync('lib', { recursive: true });
writeFileSync('lib/index.d.ts', types.outputText);
