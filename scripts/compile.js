#!/usr/bin/env node
// Compiles the CLI, the render worker and the package entry (`defineConfig`) into lib/ (run by
// `npm ci`, `npm pack` and installs from a git URL through `prepare`), so the installed CLI
// starts without a TypeScript loader. bin/folio.js falls back to the sources through tsx when
// lib/ is missing or older than them, so editing src/ never runs stale code. Code splitting keeps
// start-up small: the heavy stages load only when a build has work to do.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
  entryPoints: { cli: 'src/cli.ts', 'render-worker': 'src/markdown/render-worker.ts', 'page-worker': 'src/output/page-worker.ts', index: 'src/index.ts', templates: 'src/plugins/kit.ts' },
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

// The entry's types: index.ts and config/types.ts import nothing else, so their declarations
// stand alone (relative imports end in .js, as in any published package).
for (const [source, target] of [['src/index.ts', 'lib/index.d.ts'], ['src/config/types.ts', 'lib/config/types.d.ts']]) {
  const types = tools.ts.transpileDeclaration(readFileSync(source, 'utf8'), {
    fileName: source,
    reportDiagnostics: true,
    compilerOptions: { strict: true, target: tools.ts.ScriptTarget.ES2022, module: tools.ts.ModuleKind.NodeNext, allowImportingTsExtensions: true },
  });
  if (types.diagnostics?.length) {
    for (const d of types.diagnostics) console.error(`${source}: ${tools.ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    process.exit(1);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, types.outputText.replace(/(from\s+['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
}

// The types of `folio-ssg/templates` (what an ejected template imports): the built-in helpers'
// declarations, with every module they name, under lib/types/.
{
  const options = {
    declaration: true,
    emitDeclarationOnly: true,
    outDir: 'lib/types',
    rootDir: '.',
    strict: true,
    skipLibCheck: true,
    types: ['node'],
    target: tools.ts.ScriptTarget.ES2022,
    module: tools.ts.ModuleKind.NodeNext,
    moduleResolution: tools.ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
  };
  const program = tools.ts.createProgram(['src/plugins/kit.ts'], options);
  const emitted = program.emit(undefined, (file, text) => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text.replace(/((?:from|import)\s*\(?\s*['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
  });
  for (const d of emitted.diagnostics) console.error(`${d.file?.fileName ?? ''}: ${tools.ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  if (emitted.emitSkipped || emitted.diagnostics.length > 0) process.exit(1);
}
