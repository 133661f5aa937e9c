#!/usr/bin/env node
// Compiles the CLI and the render worker into lib/ (run by `npm ci` through `prepare`), so the
// CLI starts without a TypeScript loader. bin/folio.js falls back to the sources through tsx
// when lib/ is missing or older than them, so editing src/ never runs stale code. Code
// splitting keeps start-up small: the heavy stages load only when a build has work to do.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('lib', { recursive: true, force: true });
await build({
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
