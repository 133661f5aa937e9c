import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { build, display } from './build.ts';
import { RefusedOutputError } from './output/out-guard.ts';
import { PACKAGE_ROOT } from './paths.ts';
import { CLEAR_LINE, diagnosticsText, progressLine, stageTimes, summary, useColor, useProgress } from './report.ts';

const USAGE = `Usage: folio <command> [options]

Commands:
  init       Create a new site in a folder (never overwrites a file)
  build      Build the site into dist/
  dev        Start the dev server (renders on request, reloads on change)
  preview    Serve the built site
  check      Check links and anchors of a built site
  new        Create a new post
  eject      Copy a built-in template into templates/ to edit it (lists them without a name)

Every command:
  --root DIR      the site folder: site.config.ts, content/, public/ (default: .)
  --config FILE   the site config (default: site.config.ts in the site folder)

Build options:
  --content DIR   content root holding posts/ (default: content/ in the site folder)
  --out DIR       output directory (default: dist/ in the site folder)
  --base /sub/    path the site is served under (default: from site.config.ts)
  --url URL       absolute site URL used in feeds and meta tags
  --drafts        include posts with draft: true
  --strict        treat warnings as errors
  --no-search     skip the search index
  --quiet         print errors only
  --verbose       print every warning in full and per-stage details

Other commands:
  folio init [DIR]
  folio dev [--port N] [--host H] [--strictPort] [--content DIR]
  folio preview [--port N] [--host H] [--out DIR] [--base /sub/]
  folio check [DIR] [--base /sub/]
  folio new "标题" [--category X] [--tags a,b] [--slug s] [--content DIR]
  folio eject [NAME]            copy the built-in template NAME into templates/NAME.ts
  folio import hexo HEXO_DIR   convert a Hexo blog into this site, with a report
  folio --version

Paths given as options are relative to the current folder.
Exit codes: 0 done, 1 content errors (the previous output is kept), 2 usage or config errors.`;

class UsageError extends Error {}

/** The site folder and config file, from `--root` and `--config`, as build options. */
function siteOf(values: { root?: string | undefined; config?: string | undefined }) {
  return { root: path.resolve(values.root ?? '.'), ...(values.config !== undefined ? { configFile: path.resolve(values.config) } : {}) };
}

/** A path option, relative to the current folder like any command-line path. */
const fromCwd = (dir: string): string => path.resolve(dir);

const color = useColor(process.stderr, process.env);

type Options = NonNullable<ParseArgsConfig['options']>;
/** Options every command takes: the site folder and its config file. */
const SITE_OPTIONS = { root: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
type WithHelp<O extends Options> = O & typeof SITE_OPTIONS;

function parse<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    const withHelp = { ...options, ...SITE_OPTIONS } as WithHelp<O>;
    return parseArgs<{ args: string[]; options: WithHelp<O>; allowPositionals: true; strict: true }>({ args, options: withHelp, allowPositionals: allowPositionals as true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function cmdBuild(args: string[]): Promise<number> {
  const { values } = parse(args, {
    content: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string' },
    url: { type: 'string' },
    drafts: { type: 'boolean' },
    strict: { type: 'boolean' },
    'no-search': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    verbose: { type: 'boolean', short: 'v' },
  });
  if (values.help) return help();
  if (values.base !== undefined && !/^\/?[^\s?#]*\/?$/.test(values.base)) throw new UsageError(`--base must be a path such as /kb/, got "${values.base}"`);
  if (values.url !== undefined && !/^https?:\/\/[^\s]+$/.test(values.url)) throw new UsageError(`--url must be an absolute http(s) URL, got "${values.url}"`);
  const quiet = Boolean(values.quiet);
  const verbose = Boolean(values.verbose);
  const progress = useProgress(process.stdout, process.env, quiet);
  const result = await build({
    ...siteOf(values),
    ...(values.content !== undefined ? { contentDir: fromCwd(values.content) } : {}),
    ...(values.out !== undefined ? { outDir: fromCwd(values.out) } : {}),
    ...(values.base !== undefined ? { base: values.base } : {}),
    ...(values.url !== undefined ? { url: values.url } : {}),
    drafts: Boolean(values.drafts),
    strict: Boolean(values.strict),
    search: !values['no-search'],
    ...(progress ? { onProgress: (done: number, total: number) => process.stdout.write(progressLine(done, total)) } : {}),
  });
  if (progress) process.stdout.write(CLEAR_LINE);
  process.stderr.write(diagnosticsText(result, { verbose, quiet, color }));
  if (verbose) process.stdout.write(`${stageTimes(result.stats.stages)}\n`);
  if (!result.ok) {
    process.stderr.write(`${summary(result, display(result.outDir))}\n`);
    // A config mistake found with the content (a nav entry to a missing page) is a config error.
    return result.diagnostics.some((d) => d.severity === 'error' && d.rule.startsWith('config/')) ? 2 : 1;
  }
  if (!quiet) process.stdout.write(`${summary(result, display(result.outDir))}\n`);
  return 0;
}

async function cmdCheck(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { base: { type: 'string' } }, true);
  if (values.help) return help();
  const { checkSite } = await import('./output/check.ts');
  const { resolveOptions } = await import('./build.ts');
  const opts = await resolveOptions({ ...siteOf(values), ...(values.base !== undefined ? { base: values.base } : {}) });
  const dir = positionals[0] !== undefined ? display(path.resolve(positionals[0])) : display(opts.outDir);
  const broken = checkSite(dir, opts.config.base);
  for (const b of broken) process.stderr.write(`${dir}/${b.page}: broken link ${b.url}: ${b.reason}\n`);
  if (broken.length > 0) {
    process.stderr.write(`${broken.length} broken link${broken.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  process.stdout.write(`no broken links in ${dir}\n`);
  return 0;
}

async function cmdPreview(args: string[]): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, out: { type: 'string' }, base: { type: 'string' }, host: { type: 'string' } });
  if (values.help) return help();
  const { resolveOptions } = await import('./build.ts');
  const { startStaticServer } = await import('./dev/static-server.ts');
  const opts = await resolveOptions({ ...siteOf(values), ...(values.out ? { outDir: fromCwd(values.out) } : {}), ...(values.base ? { base: values.base } : {}) });
  const server = await startStaticServer({ dir: opts.outDir, base: opts.config.base, port: Number(values.port ?? 4173), host: values.host ?? '127.0.0.1' });
  process.stdout.write(`serving ${opts.outDir} at ${server.url}\n`);
  await new Promise(() => {});
  return 0;
}

async function cmdNew(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { category: { type: 'string' }, tags: { type: 'string' }, slug: { type: 'string' }, content: { type: 'string' } }, true);
  if (values.help) return help();
  const title = positionals.join(' ').trim();
  if (!title) throw new UsageError('folio new needs a title: folio new "标题"');
  const { newPost } = await import('./authoring/new-post.ts');
  const { resolveOptions } = await import('./build.ts');
  const { resolveStrings } = await import('./config/strings.ts');
  const opts = await resolveOptions({ ...siteOf(values), ...(values.content ? { contentDir: fromCwd(values.content) } : {}) });
  const created = newPost({
    title,
    body: resolveStrings(opts.config.language, opts.config.strings).newPost,
    contentDir: opts.contentDir,
    timeZone: opts.config.timeZone,
    ...(values.category ? { category: values.category } : {}),
    ...(values.tags ? { tags: values.tags.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
    ...(values.slug ? { slug: values.slug } : {}),
    display,
  });
  if (!created.ok) {
    process.stderr.write(`folio new: ${created.message}\n`);
    return created.usage ? 2 : 1;
  }
  process.stdout.write(`${display(created.path)}\n`);
  // The path alone on stdout (for `$EDITOR $(folio new …)`); advice goes to stderr.
  process.stderr.write(`created a draft: build with --drafts to see it, remove \`draft: true\` to publish it\n`);
  if (values.slug === undefined && /[^\x00-\x7f]/.test(created.slug)) process.stderr.write(`its URL will be /posts/${created.slug}/; pass --slug for a short ASCII one\n`);
  return 0;
}

async function cmdDev(args: string[]): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, strictPort: { type: 'boolean' }, host: { type: 'string' }, content: { type: 'string' } });
  if (values.help) return help();
  const { startDevServer } = await import('./dev/server.ts');
  await startDevServer({
    ...siteOf(values),
    ...(values.content ? { contentDir: fromCwd(values.content) } : {}),
    ...(values.port ? { port: Number(values.port) } : {}),
    strictPort: Boolean(values.strictPort),
    ...(values.host ? { host: values.host } : {}),
  });
  return new Promise(() => {});
}

function help(): number {
  process.stdout.write(`${USAGE}\n`);
  return 0;
}

async function cmdInit(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {}, true);
  if (values.help) return help();
  if (positionals.length > 1) throw new UsageError('folio init takes one folder: folio init [DIR]');
  const { initSite } = await import('./init/init.ts');
  const dir = path.resolve(positionals[0] ?? values.root ?? '.');
  const result = initSite(dir);
  if (!result.ok) {
    if (result.message) process.stderr.write(`folio init: ${display(dir)}/${result.message}\n`);
    else process.stderr.write(`folio init: nothing was written, since these files exist already (init never overwrites):\n${result.existing.map((f) => `  ${display(path.join(dir, f))}\n`).join('')}`);
    return 1;
  }
  for (const f of result.written) process.stdout.write(`${display(path.join(dir, f))}\n`);
  for (const name of result.keptScripts) process.stderr.write(`package.json: kept your "${name}" script; Folio's is "folio ${name}"\n`);
  const here = path.resolve(dir) === process.cwd();
  process.stderr.write(`\na new site${here ? '' : ` in ${display(dir)}`}. Next:\n${here ? '' : `  cd ${display(dir)}\n`}${result.installed ? '' : '  npm install\n'}  npm run dev      # write, with the page reloading on save\n  npm run build    # build into dist/\n`);
  return 0;
}

async function cmdEject(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {}, true);
  if (values.help) return help();
  if (positionals.length > 1) throw new UsageError('folio eject takes one template name: folio eject footer');
  const { eject, isTemplateName, templateList } = await import('./plugins/eject.ts');
  const name = positionals[0];
  if (name === undefined) {
    process.stdout.write(`Templates (folio eject NAME copies one into templates/NAME.ts, where it replaces the built-in one):\n${templateList()}\n`);
    return 0;
  }
  if (!isTemplateName(name)) throw new UsageError(`no template named "${name}"; the templates are:\n${templateList()}`);
  const { root } = siteOf(values);
  const result = eject(root, name);
  if (!result.ok) {
    process.stderr.write(`folio eject: ${display(result.existing)} exists already; nothing was written (eject never overwrites)\n`);
    return 1;
  }
  process.stdout.write(`${display(result.file)}\n`);
  process.stderr.write(`edit it: the site now uses it instead of the built-in ${name} template (delete it to go back)\n`);
  return 0;
}

function version(): number {
  process.stdout.write(`${(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  return 0;
}

/** One entry per command. */
const commands: Record<string, (args: string[]) => Promise<number>> = {
  init: cmdInit,
  build: cmdBuild,
  check: cmdCheck,
  preview: cmdPreview,
  new: cmdNew,
  dev: cmdDev,
  eject: cmdEject,
  import: async (args) => (await import('./import/command.ts')).importCommand(args),
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return help();
  if (command === '--version') return version();
  const run = commands[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`folio: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof RefusedOutputError) {
      process.stderr.write(`folio: ${error.message}\n`);
      return 2;
    }
    // Loaded only now: the config schema is no part of a build that has nothing to do.
    const { ConfigError } = await import('./config.ts');
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.lines.join('\n')}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
