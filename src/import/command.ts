import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: folio import hexo HEXO_DIR [--root DIR] [--config FILE]   (run in the site folder)';

/**
 * `folio import hexo HEXO_DIR`: converts a Hexo blog into the site, prints the report.
 * Exit 0 when everything converted, 1 when something needs the author, 2 on a usage error.
 */
export async function importCommand(args: string[]): Promise<number> {
  let values: { root?: string | undefined; config?: string | undefined; help?: boolean | undefined };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, options: { root: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }));
  } catch (error) {
    process.stderr.write(`folio import: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [from, hexoDir, ...extra] = positionals;
  if (from !== 'hexo' || hexoDir === undefined || extra.length > 0) {
    process.stderr.write(`folio import: ${from !== 'hexo' ? `unknown source "${from ?? ''}" (only hexo is supported)` : 'expected one HEXO_DIR'}\n${USAGE}\n`);
    return 2;
  }
  const { resolveOptions } = await import('../build.ts');
  // Paths in the report are relative to where the command runs, the Hexo blog's too (`../blog/…`).
  const display = (abs: string) => path.relative(process.cwd(), abs).split(path.sep).join('/') || '.';
  const { importHexo } = await import('./hexo/import.ts');
  const { importReport } = await import('./hexo/report.ts');
  const opts = await resolveOptions({ root: path.resolve(values.root ?? '.'), ...(values.config !== undefined ? { configFile: path.resolve(values.config) } : {}) });
  const result = importHexo({
    hexoDir: path.resolve(hexoDir),
    siteDir: opts.root,
    contentDir: opts.contentDir,
    publicDir: opts.publicDir,
    siteZone: opts.config.timeZone,
    display,
  });
  if (result.fatal) {
    process.stderr.write(`folio import: ${result.fatal}\n`);
    return 2;
  }
  process.stdout.write(importReport(result, display(path.resolve(hexoDir))));
  return result.ok ? 0 : 1;
}
