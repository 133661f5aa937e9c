import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ejectSource } from '../../../src/plugins/eject.ts';
import { TEMPLATE_NAMES } from '../../../src/plugins/templates.ts';
import { makeProject, REPO, removeProject } from '../../helpers/fixture.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeProject));

describe('folio eject', () => {
  it('writes every built-in template as a file that imports only what a site can, and that type-checks as its template', () => {
    const files: Record<string, string> = {};
    for (const name of TEMPLATE_NAMES) files[`templates/${name}.ts`] = ejectSource(name);
    for (const [file, text] of Object.entries(files)) {
      for (const m of text.matchAll(/^import .* from '([^']+)';$/gm)) expect(['hastscript', 'hast', 'folio-ssg', 'folio-ssg/templates'], `${file}: ${m[0]}`).toContain(m[1]);
      expect(text, file).toMatch(/^export default function \w+\(ctx: RenderContext/m);
    }
    // Each default export must fit the slot it fills.
    const check = `import type { Templates } from 'folio-ssg';\n${TEMPLATE_NAMES.map((n) => `import ${n} from './templates/${n}.ts';`).join('\n')}\nexport const templates: Templates = { ${TEMPLATE_NAMES.join(', ')} };\n`;
    const dir = makeProject({ ...files, 'check.ts': check });
    dirs.push(dir);
    // 'folio-ssg' as the package's sources (the packed package is checked in package.test.ts).
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          target: 'es2022',
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          types: ['node'],
          typeRoots: [path.join(REPO, 'node_modules/@types')],
          paths: { 'folio-ssg': [path.join(REPO, 'src/index.ts')], 'folio-ssg/templates': [path.join(REPO, 'src/plugins/kit.ts')] },
        },
        files: ['check.ts'],
      }),
    );
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(path.join(REPO, 'node_modules/hastscript'), path.join(dir, 'node_modules/hastscript'), 'dir');
    symlinkSync(path.join(REPO, 'node_modules/@types'), path.join(dir, 'node_modules/@types'), 'dir');
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', timeout: 120_000 });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  }, 150_000);

  it('copies the template with the helpers it uses', () => {
    const post = ejectSource('post');
    for (const helper of ['function toc(', 'function backToTop(', 'function neighbours(']) expect(post).toContain(helper);
    expect(post).toContain("import { layout, optional, postMeta");
    const header = ejectSource('header');
    expect(header).toMatch(/^import \{ h, s \} from 'hastscript';$/m);
    expect(header).toContain('function isCurrent(');
  });
});
