import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { aliasPath } from '../../content/aliases.ts';
import { decodeSource } from '../../content/decode.ts';
import { findContent } from '../../content/find.ts';
import { walkFiles } from '../../content/walk.ts';
import { readHexoConfig, type HexoConfig } from './config.ts';
import { looseDate } from './dates.ts';
import { convertFrontmatter, splitHexo, type ConvertedFrontmatter } from './frontmatter.ts';
import { toLines, type Line } from './lines.ts';
import { convertLinks } from './links.ts';
import { ImportLog } from './log.ts';
import { convertMath } from './math.ts';
import { hexoPermalink, titleFromFileName } from './permalink.ts';
import { assignSlugs, slugFromName } from './slug.ts';
import { convertTags } from './tags.ts';

export interface ImportOptions {
  hexoDir: string;
  /** The site folder: content/ and public/ are written here. */
  siteDir: string;
  contentDir: string;
  publicDir: string;
  /** The site's `timeZone`: dates are written so that Folio reads the instant Hexo meant. */
  siteZone: string;
  display: (abs: string) => string;
}

export interface ImportResult {
  ok: boolean;
  /** Set when nothing could be imported at all (not a Hexo blog). */
  fatal?: string;
  posts: { source: string; target: string; slug: string; alias?: string }[];
  found: number;
  copied: { beside: number; public: number };
  log: ImportLog;
  config?: HexoConfig;
}

interface Planned {
  abs: string;
  /** Path under `_posts/`. */
  rel: string;
  file: string;
  text: string;
  split: ReturnType<typeof splitHexo>;
  fm: ConvertedFrontmatter;
  hexoSlug: string;
  slug: string;
  alias?: string;
  assets: string[];
}

const POST_EXT = /\.(md|markdown)$/i;
const PAGE_EXT = /\.(md|markdown|html?|ejs|swig|njk|pug|jade)$/i;

/** Hexo leaves out files whose path has a segment starting with `_` or `.`, and editor leftovers. */
const hidden = (rel: string) => /(^|\/)[_.]/.test(rel) || /[~%]$/.test(rel);

/**
 * Every file under `dir`, as sorted `/`-separated relative paths, dot-named ones included (the
 * caller leaves out what Hexo hides). Symbolic links are not followed but listed in `links`: one
 * could point anywhere on the machine, and what is copied into public/ is published.
 */
function filesUnder(dir: string, links: string[] = []): string[] {
  const walked = walkFiles(dir, { display: (p) => p, name: 'source', keepDotted: () => true, links: 'report' });
  links.push(...walked.links);
  return walked.files.map((f) => f.rel);
}

/**
 * `folio import hexo`: converts every post under the blog's `source/_posts/` into the site's
 * `content/posts/`, copies asset folders beside the posts and the rest of `source/` into
 * `public/`. Never overwrites a file; the Hexo blog is only read.
 */
export function importHexo(options: ImportOptions): ImportResult {
  const log = new ImportLog();
  const result: ImportResult = { ok: false, posts: [], found: 0, copied: { beside: 0, public: 0 }, log };
  const read = readHexoConfig(options.hexoDir);
  if (!read.ok) return { ...result, fatal: read.message };
  const config = read.config;
  result.config = config;
  for (const w of read.warnings) log.check(options.display(path.join(options.hexoDir, '_config.yml')), 1, w);
  const sourceDir = path.resolve(options.hexoDir, config.sourceDir);
  const postsDir = path.join(sourceDir, '_posts');
  if (!existsSync(postsDir)) return { ...result, fatal: `${options.display(postsDir)} not found: no posts to import` };

  const all = filesUnder(postsDir);
  const postFiles = all.filter((rel) => POST_EXT.test(rel) && !hidden(rel));
  result.found = postFiles.length;

  // 1. Read every post: frontmatter, Hexo's slug, the wanted Folio slug.
  const planned: Planned[] = [];
  for (const rel of postFiles) {
    const abs = path.join(postsDir, rel);
    const file = options.display(abs);
    const decoded = decodeSource(readFileSync(abs), file);
    if ('error' in decoded) {
      log.needs(file, decoded.error.line, `${decoded.error.message}; not imported`);
      continue;
    }
    const split = splitHexo(decoded.text);
    if (split.error) {
      log.needs(file, split.error.line, `${split.error.message}; not imported`);
      continue;
    }
    if (split.format === 'json') log.change('frontmatter: ;;; JSON read');
    if (split.format === 'none') log.check(file, 1, 'no frontmatter: title and date come from the file');
    const name = titleFromFileName(config.newPostName, rel);
    const fromName = name.year && name.month && name.day ? looseDate(`${name.year}-${name.month}-${name.day}`, config.timezone, options.siteZone) : undefined;
    const fallback = fromName?.ok ? { date: fromName.date, from: 'name' as const } : { date: statSync(abs).mtime, from: 'mtime' as const };
    const fm = convertFrontmatter({ data: split.data ?? {}, lines: split.lines, file, fileTitle: name.title.split('/').pop()!, fallbackDate: fallback, config, siteZone: options.siteZone, log });
    planned.push({ abs, rel, file, text: decoded.text, split, fm, hexoSlug: name.title, slug: slugFromName(name.title.split('/').pop()!), assets: [] });
  }

  // 2. Slugs: unique among the imported posts and the site's own.
  const contentPosts = path.join(options.contentDir, 'posts');
  // A post at content/posts/<slug>.md is not replaced (reported below, as on a second import);
  // one elsewhere under posts/ with the same name would share its URL, so the import moves aside.
  const existing = existsSync(contentPosts)
    ? findContent(options.contentDir, options.display).files.filter((f) => f.kind === 'post' && path.posix.dirname(f.rel) !== 'posts').map((f) => path.posix.basename(f.rel, '.md'))
    : [];
  const { slugs, renamed } = assignSlugs(planned.map((p) => p.slug), existing);
  planned.forEach((p, i) => (p.slug = slugs[i]!));
  for (const r of renamed) {
    log.change('slug: collision renamed');
    log.check(planned[r.index]!.file, 1, `the slug "${r.wanted}" is taken${existing.includes(r.wanted) ? ' by a post already in the site' : ' by another imported post'}; this post is /posts/${r.slug}/`);
  }

  // 3. Old URLs: the permalink each post had, kept as an alias.
  const byPermalink = new Map<string, Planned>();
  for (const p of planned) {
    const timeZone = config.timezone || options.siteZone;
    let old: string | undefined;
    if (p.fm.permalink) old = p.fm.permalink.startsWith('/') ? p.fm.permalink : `/${p.fm.permalink}`;
    else {
      const made = hexoPermalink(config.permalink, { hexoSlug: p.hexoSlug, title: p.fm.fields.title, date: p.fm.date, ...(p.fm.categoryPath ? { category: p.fm.categoryPath } : {}), fields: p.fm.values }, {
        timeZone,
        defaultCategory: config.defaultCategory,
        defaults: config.permalinkDefaults,
        postAssetFolder: config.postAssetFolder,
      });
      if (made.missing.length > 0) log.needs(p.file, 1, `the old URL cannot be worked out (${made.missing.join(', ')} of permalink "${config.permalink}" is unknown); add it to \`aliases:\` by hand`);
      else old = made.path;
    }
    if (old === undefined) continue;
    const alias = aliasPath(old);
    if (!alias.ok) {
      log.needs(p.file, p.split.lines.permalink ?? 1, `the old URL ${old} ${alias.message}; no alias made`);
      continue;
    }
    p.alias = alias.path;
    const other = byPermalink.get(alias.path);
    if (other) log.needs(p.file, 1, `the old URL ${alias.path} is also ${other.file}'s; Hexo published only one of them. The alias goes to ${other.file}`);
    else byPermalink.set(alias.path, p);
  }
  const byFile = new Map(planned.map((p) => [p.rel, p]));
  const byHexoSlug = new Map(planned.map((p) => [p.hexoSlug, p]));
  const byTitle = new Map(planned.map((p) => [p.fm.fields.title, p]));
  const links: string[] = [];
  const sourceFiles = filesUnder(sourceDir, links).filter((rel) => !hidden(rel));
  for (const link of links) log.check(options.display(path.join(sourceDir, link)), 1, 'a symbolic link: not followed, not copied');
  const drafts = filesUnder(path.join(sourceDir, '_drafts')).filter((rel) => POST_EXT.test(rel) && !hidden(rel));
  if (drafts.length > 0) log.check(options.display(path.join(sourceDir, '_drafts')), 1, `${drafts.length} draft${drafts.length === 1 ? '' : 's'} not imported (only source/_posts/ is); move one into _posts/ with \`published: false\` to bring it as a Folio draft`);
  const publicFiles = new Set(sourceFiles.filter((rel) => !PAGE_EXT.test(rel)));

  // 4. Convert and write each post, with its asset folder beside it.
  for (const p of planned) {
    const stem = p.rel.replace(/\.[^./]+$/, '');
    p.assets = all.filter((rel) => rel.startsWith(`${stem}/`) && !POST_EXT.test(rel) && !hidden(rel.slice(stem.length + 1))).map((rel) => rel.slice(stem.length + 1));
    const assets = new Set(p.assets);
    const assetBase = `./${p.slug}/`;
    const notesBefore = log.notes.length;
    let lines: Line[] = toLines(p.split.body, p.split.bodyLine);
    lines = convertTags(lines, {
      file: p.file,
      assets,
      assetBase,
      findPost: (ref) => {
        const t = byHexoSlug.get(ref) ?? byHexoSlug.get(ref.replace(/\.[^./]+$/, '')) ?? byTitle.get(ref);
        return t ? { slug: t.slug, title: t.fm.fields.title } : undefined;
      },
      log,
    });
    lines = convertMath(lines, p.file, log);
    lines = convertLinks(lines, {
      file: p.file,
      rel: p.rel,
      assets,
      assetBase,
      byPermalink: (sitePath) => {
        const variants = [sitePath, sitePath.replace(/index\.html?$/, ''), `${sitePath}/`, sitePath.replace(/\/?$/, '/')];
        for (const v of variants) {
          const hit = byPermalink.get(v);
          if (hit) return { slug: hit.slug };
        }
        return undefined;
      },
      byFile: (rel) => {
        const hit = byFile.get(rel.replace(/^_posts\//, ''));
        return hit ? { slug: hit.slug } : undefined;
      },
      blogUrl: config.url,
      blogRoot: config.root,
      postAssetFolder: config.postAssetFolder,
      publicFile: (sitePath) => publicFiles.has(sitePath.replace(/^\//, '')),
      log,
    });
    const { title, date, updated, tags, ...others } = p.fm.fields;
    const fields = { title, date, ...(updated ? { updated } : {}), ...(tags.length > 0 ? { tags } : {}), ...others, ...(p.alias ? { aliases: [p.alias] } : {}) };
    const head = `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
    const body = lines.map((l) => l.text).join('\n');
    const target = path.join(contentPosts, `${p.slug}.md`);
    const shown = options.display(target);
    // Notes about the body name the place in the converted file too.
    const headLines = head.split('\n').length - 1;
    for (const note of log.notes.slice(notesBefore)) {
      if (note.file !== p.file || note.line < p.split.bodyLine || note.level !== 'needs') continue;
      const index = lines.findIndex((l) => l.from >= note.line);
      if (index >= 0) note.at = `${shown}:${headLines + index + 1}`;
    }
    if (existsSync(target)) {
      log.needs(p.file, 1, `${shown} already exists; not overwritten (this post was not imported)`);
      continue;
    }
    mkdirSync(contentPosts, { recursive: true });
    writeFileSync(target, head + body, { flag: 'wx' });
    result.posts.push({ source: p.file, target: shown, slug: p.slug, ...(p.alias ? { alias: p.alias } : {}) });
    for (const asset of p.assets) {
      if (copyNew(path.join(postsDir, stem, asset), path.join(contentPosts, p.slug, asset), options.display, log, p.file)) result.copied.beside++;
    }
  }

  // 5. The rest of source/: images and other files into public/; pages are named, not converted.
  for (const rel of sourceFiles) {
    if (rel.startsWith('_posts/') || rel.startsWith('_drafts/')) continue;
    if (PAGE_EXT.test(rel)) {
      log.check(options.display(path.join(sourceDir, rel)), 1, 'a Hexo page, not a post: not imported; write it as content/pages/<name>.md if you want it');
      continue;
    }
    if (copyNew(path.join(sourceDir, rel), path.join(options.publicDir, rel), options.display, log, options.display(path.join(sourceDir, rel)))) result.copied.public++;
  }
  result.ok = !log.notes.some((n) => n.level === 'needs');
  return result;
}

/** Copies a file unless something is already there (then it is reported, never replaced). */
function copyNew(from: string, to: string, display: (abs: string) => string, log: ImportLog, file: string): boolean {
  if (existsSync(to)) {
    log.needs(file, 1, `${display(to)} already exists; not overwritten`);
    return false;
  }
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to, constants.COPYFILE_EXCL);
  return true;
}
