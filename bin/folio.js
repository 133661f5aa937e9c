#!/usr/bin/env node
// Runs the compiled CLI in lib/ when it is up to date with the sources, else the TypeScript
// sources through tsx, so `npx folio` works right after `npm ci` and while editing src/. An
// installed package ships lib/ and no src/: it always runs lib/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const compiled = path.join(root, 'lib/cli.js');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

const fresh = existsSync(compiled) && (!existsSync(path.join(root, 'src')) || statSync(compiled).mtimeMs >= Math.max(newest(path.join(root, 'src')), newest(path.join(root, 'templates'))));
if (fresh) {
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
