import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TemplateName } from '../config/types.ts';
import { PACKAGE_NAME, PACKAGE_ROOT } from '../paths.ts';
import * as kit from './kit.ts';
import { siteTemplatesDir } from './site-templates.ts';
import { TEMPLATE_NAMES, TEMPLATE_SOURCES } from './templates.ts';

/** Types of the package entry a template may name. */
const PUBLIC_TYPES = ['RenderContext', 'PageMeta', 'Post', 'Doc', 'PostRef', 'Term', 'TermGroup', 'TermKind', 'PageSlice', 'ArchiveMonth', 'PostExtras', 'FooterLine', 'HeadElement', 'Strings'];
const HAST_TYPES = ['Element', 'ElementContent', 'Root'];
/** What `folio-ssg/templates` exports. */
const KIT_NAMES = Object.keys(kit);

export type EjectResult = { ok: true; file: string } | { ok: false; existing: string };

/**
 * `folio eject NAME`: writes the built-in template NAME into the site's templates/ folder, where
 * it replaces the built-in one. Never overwrites: an existing file is left as it is.
 */
export function eject(root: string, name: TemplateName): EjectResult {
  const file = path.join(siteTemplatesDir(root), `${name}.ts`);
  if (existsSync(file)) return { ok: false, existing: file };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, ejectSource(name), { flag: 'wx' });
  return { ok: true, file };
}

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as string[]).includes(name);
}

/** `folio eject` without a name: each template with what it makes. */
export function templateList(): string {
  const width = Math.max(...TEMPLATE_NAMES.map((n) => n.length));
  return TEMPLATE_NAMES.map((n) => `  ${n.padEnd(width)}  ${TEMPLATE_SOURCES[n].description}`).join('\n');
}

/**
 * The built-in template as a file of the site: its function (the default export) and the
 * helpers of its file it uses, with the imports a site can make: `hastscript`, types from
 * 'hast' and 'folio-ssg', and the built-in helpers from 'folio-ssg/templates'.
 */
export function ejectSource(name: TemplateName): string {
  const { file, fn, helpers } = TEMPLATE_SOURCES[name];
  const source = readFileSync(path.join(PACKAGE_ROOT, 'templates', file), 'utf8');
  const main = declaration(source, fn, file).replace(new RegExp(`^(?:export )?function ${fn}\\(`, 'm'), `export default function ${fn}(`);
  const body = [main, ...helpers.map((h) => declaration(source, h, file).replace(/^export /m, ''))].join('\n\n');
  // A name used as a value or a type, not as a property (`ctx.strings`) or inside a string.
  const used = (names: readonly string[]) => names.filter((n) => new RegExp(`(?:^|[^\\w$.'"-]|\\.\\.\\.)${n}\\b`, 'm').test(body) && !new RegExp(`^(?:function|const) ${n}\\b`, 'm').test(body));
  const hastscript = ['h', 's'].filter((n) => new RegExp(`(?<![\\w.$])${n}\\(`).test(body));
  const imports = [
    hastscript.length > 0 ? `import { ${hastscript.join(', ')} } from 'hastscript';` : '',
    used(HAST_TYPES).length > 0 ? `import type { ${used(HAST_TYPES).join(', ')} } from 'hast';` : '',
    used(PUBLIC_TYPES).length > 0 ? `import type { ${used(PUBLIC_TYPES).join(', ')} } from '${PACKAGE_NAME}';` : '',
    used(KIT_NAMES).length > 0 ? `import { ${used(KIT_NAMES).join(', ')} } from '${PACKAGE_NAME}/templates';` : '',
  ].filter(Boolean);
  const header = [
    `// The site's own "${name}" template, ejected from ${PACKAGE_NAME} (templates/${file}).`,
    `// Folio uses it instead of the built-in one wherever that is used; delete this file to go back.`,
    `// Keep the default export's signature: Templates['${name}'] in ${PACKAGE_NAME}'s types.`,
  ];
  return `${header.join('\n')}\n${imports.join('\n')}\n\n${body}\n`;
}

/** A top-level function or constant of a template file, with the doc comment above it. */
function declaration(source: string, name: string, file: string): string {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^(?:export )?(?:function|const) ${name}\\b`).test(l));
  if (start < 0) throw new Error(`templates/${file} has no declaration of ${name}`);
  let first = start;
  if (lines[start - 1]?.trimEnd().endsWith('*/')) while (first > 0 && !lines[first]!.startsWith('/**')) first--;
  let end = start;
  if (lines[start]!.startsWith('export function') || lines[start]!.startsWith('function')) while (lines[end] !== '}') end++;
  else while (!/;\s*$/.test(lines[end]!)) end++;
  return lines.slice(first, end + 1).join('\n');
}
