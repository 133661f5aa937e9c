import { parseArgs, type ParseArgsConfig } from 'node:util';
import { build, display } from './build.ts';
import { RefusedOutputError } from './output/out-guard.ts';
import { CLEAR_LINE, diagnosticsText, progressLine, stageTimes, summary, useColor, useProgress } from './report.ts';

const USAGE = `Usage: folio <command> [options]

Commands:
  build      Build the site into dist/
  dev        Start the dev server (renders on request, reloads on change)
  preview    Serve the built site
  check      Check links and anchors of a built site
  new        Create a new post

Build options:
  --content DIR   content root holding posts/ (default: content)
  --out DIR       output directory (default: dist)
  --base /sub/    path the site is served under (default: from site.config.ts)
  --url URL       absolute site URL used in feeds and meta tags
  --drafts        include posts with draft: true
  --strict        treat warnings as errors
  --no-search     skip the search index
  --quiet         print errors only
  --verbose       print every warning in full and per-stage details

Other commands:
  folio dev [--port N] [--strictPort]
  folio preview [--port N] [--out DIR] [--base /sub/]
  folio check [DIR] [--base /sub/]
  folio new "标题" [--category X] [--tags a,b] [--slug s] [--content DIR]

Exit codes: 0 done, 1 content errors (the previous output is kept), 2 usage errors.`;

class UsageError extends Error {}

const color = useColor(process.stderr, process.env);

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<O extends Options> = O & { help: { type: 'boolean'; short: 'h' } };

function parse<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    const withHelp = { ...options, help: { type: 'boolean', short: 'h' } } as WithHelp<O>;
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
    ...(values.content !== undefined ? { contentDir: values.content } : {}),
    ...(values.out !== undefined ? { outDir: values.out } : {}),
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
    return 1;
  }
  if (!quiet) process.stdout.write(`${summary(result, display(result.outDir))}\n`);
  return 0;
}

async function cmdCheck(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { base: { type: 'string' } }, true);
  if (values.help) return help();
  const { checkSite } = await import('./output/check.ts');
  const { resolveOptions } = await import('./build.ts');
  const opts = await resolveOptions(values.base !== undefined ? { base: values.base } : {});
  const dir = positionals[0] ?? opts.outDir;
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
  const opts = await resolveOptions({ ...(values.out ? { outDir: values.out } : {}), ...(values.base ? { base: values.base } : {}) });
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
  const opts = await resolveOptions(values.content ? { contentDir: values.content } : {});
  const created = newPost({
    title,
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
  const { values } = parse(args, { port: { type: 'string' }, strictPort: { type: 'boolean' }, host: { type: 'string' } });
  if (values.help) return help();
  const { startDevServer } = await import('./dev/server.ts');
  await startDevServer({ ...(values.port ? { port: Number(values.port) } : {}), strictPort: Boolean(values.strictPort), ...(values.host ? { host: values.host } : {}) });
  return new Promise(() => {});
}

function help(): number {
  process.stdout.write(`${USAGE}\n`);
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  build: cmdBuild,
  check: cmdCheck,
  preview: cmdPreview,
  new: cmdNew,
  dev: cmdDev,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return help();
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
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
