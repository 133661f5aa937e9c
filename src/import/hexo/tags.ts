import { liquidTags } from '../../markdown/liquid-tags.ts';
import { containerPrefix, fencedLines, outsideInlineCode, type Line } from './lines.ts';
import type { ImportLog } from './log.ts';

/** What converting one post's tags needs to know about the blog. */
export interface TagContext {
  /** The Hexo file, as shown in the report. */
  file: string;
  /** Files in the post's asset folder, by their path inside it (`fig.png`, `sub/a.png`). */
  assets: ReadonlySet<string>;
  /** `./<slug>/` or the like: where the asset folder is, relative to the converted post. */
  assetBase: string;
  /** A post named by Hexo slug (file name) or title, for `{% post_link %}`. */
  findPost: (ref: string) => { slug: string; title: string } | undefined;
  log: ImportLog;
}

interface Tag {
  line: number;
  start: number;
  end: number;
  name: string;
  args: Arg[];
  raw: string;
}

interface Arg {
  value: string;
  quoted: boolean;
}


/** Alert kinds for NexT/Butterfly/Fluid note classes and colours. */
const ALERTS: Record<string, string> = {
  default: 'NOTE', primary: 'NOTE', info: 'NOTE', blue: 'NOTE', purple: 'NOTE', pink: 'NOTE', light: 'NOTE', secondary: 'NOTE', simple: 'NOTE', modern: 'NOTE', flat: 'NOTE',
  success: 'TIP', green: 'TIP', tip: 'TIP',
  warning: 'WARNING', orange: 'WARNING', yellow: 'WARNING', warn: 'WARNING',
  danger: 'CAUTION', red: 'CAUTION', error: 'CAUTION', caution: 'CAUTION',
  important: 'IMPORTANT',
};

/** Splits tag arguments on spaces, keeping "quoted text" together (quotes removed), as Nunjucks reads them. */
export function splitArgs(text: string): Arg[] {
  const args: Arg[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    args.push(m[3] !== undefined ? { value: m[3], quoted: false } : { value: m[1] ?? m[2] ?? '', quoted: true });
  }
  return args;
}

function findTags(lines: Line[]): Tag[] {
  const fenced = fencedLines(lines);
  const tags: Tag[] = [];
  lines.forEach((line, i) => {
    if (fenced[i] || line.raw) return;
    for (const [a, b] of outsideInlineCode(line.text)) {
      const part = line.text.slice(a, b);
      for (const t of liquidTags(part)) {
        if (t.closed) tags.push({ line: i, start: a + t.start, end: a + t.end, name: t.name, args: splitArgs(t.args), raw: t.raw });
      }
    }
  });
  return tags;
}

/** The text of a line around a tag, and whether the tag is alone on its line (besides container markers). */
function around(line: Line, tag: Tag) {
  const before = line.text.slice(0, tag.start);
  const after = line.text.slice(tag.end);
  const { prefix, continuation } = containerPrefix(before);
  const alone = before.slice(prefix.length).trim() === '' && after.trim() === '';
  return { before, after, prefix, continuation, alone };
}

/**
 * Converts Hexo's tag plugins in a post. Block tags first (`raw`, `codeblock`, `note`,
 * `blockquote`), then the one-line ones (`asset_img`, `post_link`, …). A tag it does not know,
 * or cannot convert faithfully, is left as it is and named in the report.
 */
export function convertTags(input: Line[], ctx: TagContext): Line[] {
  let lines = convertBlocks(input, ctx);
  lines = convertInline(lines, ctx);
  return lines;
}

const BLOCKS = new Set(['raw', 'codeblock', 'code', 'note', 'blockquote', 'quote']);

function convertBlocks(input: Line[], ctx: TagContext): Line[] {
  let lines = input;
  // One block at a time, outermost first; each pass sees the lines the last one produced.
  for (let guard = 0; guard < 10_000; guard++) {
    const tags = findTags(lines);
    const open = tags.find((t) => BLOCKS.has(t.name) && !t.raw.includes('\u0000'));
    if (!open) break;
    const end = closing(tags, open);
    if (!end) {
      unconvertible(ctx, lines[open.line]!, `{% ${open.name} %} has no {% end${open.name} %}`);
      lines = mark(lines, open);
      continue;
    }
    const next = convertBlock(lines, open, end, ctx);
    lines = next ?? mark(lines, open, end);
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\u0000/g, '') }));
}

/** Marks a tag as seen (so the loop moves on) without changing what it shows. */
function mark(lines: Line[], ...tags: Tag[]): Line[] {
  const out = lines.map((l) => ({ ...l }));
  for (const t of [...tags].sort((a, b) => b.line - a.line || b.start - a.start)) {
    const l = out[t.line]!;
    l.text = `${l.text.slice(0, t.start + 2)}\u0000${l.text.slice(t.start + 2)}`;
  }
  return out;
}

function closing(tags: Tag[], open: Tag): Tag | undefined {
  let depth = 0;
  for (const t of tags) {
    if (t.line < open.line || (t.line === open.line && t.start <= open.start)) continue;
    if (t.name === open.name) depth++;
    else if (t.name === `end${open.name}`) {
      if (depth === 0) return t;
      depth--;
    }
  }
  return undefined;
}

function unconvertible(ctx: TagContext, line: Line, message: string): void {
  ctx.log.change('left in place');
  ctx.log.needs(ctx.file, line.from, `${message}; left in place`);
}

function convertBlock(lines: Line[], open: Tag, end: Tag, ctx: TagContext): Line[] | undefined {
  const head = lines.slice(0, open.line);
  const tail = lines.slice(end.line + 1);
  const first = lines[open.line]!;
  const last = lines[end.line]!;
  const o = around(first, open);
  const e = around(last, end);
  // The block's own lines: what follows the opening tag up to the closing one.
  const content: Line[] =
    open.line === end.line
      ? [{ ...first, text: first.text.slice(open.end, end.start) }]
      : [{ ...first, text: first.text.slice(open.end) }, ...lines.slice(open.line + 1, end.line), { ...last, text: last.text.slice(0, end.start) }];
  const body = content.filter((l, i) => !((i === 0 || i === content.length - 1) && l.text.trim() === '' && content.length > 1));

  if (open.name === 'raw') {
    ctx.log.change('{% raw %} unwrapped');
    // Whatever was inside is Markdown or HTML as it stands; it is not read for tags again.
    const inner = content.map((l) => ({ ...l, raw: true }));
    const merged: Line[] = [];
    if (open.line === end.line) merged.push({ ...first, text: o.before + inner[0]!.text + e.after });
    else {
      merged.push({ ...first, text: o.before + inner[0]!.text, raw: true });
      merged.push(...inner.slice(1, -1));
      merged.push({ ...last, text: inner.at(-1)!.text + e.after, raw: true });
    }
    return [...head, ...merged.filter((l, i) => !(l.text.trim() === '' && (i === 0 || i === merged.length - 1) && merged.length > 1 && (open.line !== end.line))), ...tail];
  }

  if (open.name === 'codeblock' || open.name === 'code') {
    if (!o.alone || !e.alone) return unconvertible(ctx, first, `{% ${open.name} %} shares its line with text`), undefined;
    const { lang, caption, dropped } = codeblockArgs(open.args);
    const code = lines.slice(open.line + 1, end.line);
    const longest = Math.max(2, ...code.map((l) => Math.max(0, ...[...l.text.matchAll(/`+/g)].map((m) => m[0].length))));
    const fence = '`'.repeat(longest + 1);
    ctx.log.change('{% codeblock %} → fenced code');
    if (dropped.length > 0) ctx.log.check(ctx.file, first.from, `{% ${open.name} %}: ${dropped.join(', ')} not kept (no Markdown form)`);
    return [
      ...head,
      ...(caption ? [{ ...first, text: `${o.prefix}${caption}` }, { ...first, text: o.continuation.trimEnd() }] : []),
      { ...first, text: `${o.prefix}${fence}${lang}` },
      ...code.map((l) => ({ ...l, raw: true })),
      { ...last, text: `${e.prefix}${fence}` },
      ...tail,
    ];
  }

  if (open.name === 'note' || open.name === 'blockquote' || open.name === 'quote') {
    if (o.before.slice(o.prefix.length).trim() !== '' || e.after.trim() !== '') return unconvertible(ctx, first, `{% ${open.name} %} shares its line with text`), undefined;
    const p = o.continuation;
    const quoted = (l: Line): Line => {
      const text = l.text.startsWith(p) ? l.text.slice(p.length) : l.text;
      return { ...l, text: text.trim() === '' ? `${p}>` : `${p}> ${text}` };
    };
    const out: Line[] = [];
    if (open.name === 'note') {
      const { kind, title } = noteArgs(open.args);
      ctx.log.change('{% note %} → alert');
      out.push({ ...first, text: `${p}> [!${kind}]` });
      if (title) out.push({ ...first, text: `${p}> **${title}**` });
      out.push(...body.map(quoted));
    } else {
      ctx.log.change('{% blockquote %} → quote');
      out.push(...body.map(quoted));
      const footer = quoteFooter(open.args.map((a) => a.value).join(' '));
      if (footer) out.push({ ...last, text: `${p}>` }, { ...last, text: `${p}> — ${footer}` });
      if (out.length === 0) out.push({ ...first, text: `${p}>` });
    }
    // The first line carries the list marker, if the tag had one.
    out[0] = { ...out[0]!, text: o.prefix + out[0]!.text.slice(p.length) };
    return [...head, ...out, ...tail];
  }
  return undefined;
}

function codeblockArgs(args: Arg[]): { lang: string; caption: string; dropped: string[] } {
  let lang = '';
  const rest: string[] = [];
  const dropped: string[] = [];
  for (const a of args) {
    const colon = a.quoted ? -1 : a.value.indexOf(':');
    const key = colon > 0 ? a.value.slice(0, colon) : '';
    if (key === 'lang') lang = a.value.slice(colon + 1);
    else if (['line_number', 'line_threshold', 'first_line', 'mark', 'wrap', 'highlight', 'language_attr'].includes(key)) dropped.push(a.value);
    else rest.push(a.value);
  }
  // `[title] [url] [link text]`, as Octopress wrote it.
  const text = rest.join(' ');
  const withUrl = /^(\S[\s\S]*?)\s+(https?:\/\/\S+)(?:\s+(.+))?$/i.exec(text);
  const caption = withUrl ? `*${escapeInline(withUrl[1]!)}* [${escapeInline(withUrl[3] ?? 'link')}](${withUrl[2]})` : text ? `*${escapeInline(text)}*` : '';
  return { lang, caption, dropped };
}

function noteArgs(args: Arg[]): { kind: string; title: string } {
  let kind = 'NOTE';
  const words: string[] = [];
  for (const a of args) {
    const alert = ALERTS[a.value.toLowerCase()];
    if (alert && !a.quoted && kind === 'NOTE' && words.length === 0) kind = alert;
    else if (a.value === 'no-icon' || /^fa[srlbd]?\b|^fa-/.test(a.value) || ['simple', 'modern', 'flat', 'disabled'].includes(a.value)) continue;
    else if (a.quoted) words.push(a.value);
  }
  return { kind, title: words.map(escapeInline).join(' ') };
}

function quoteFooter(text: string): string {
  if (!text.trim()) return '';
  const full = /^(\S.*)\s+(https?:\/\/\S+)(?:\s+(.+))?$/i.exec(text);
  if (full) return `${escapeInline(full[1]!)}, [${escapeInline(full[3] ?? full[2]!.replace(/^https?:\/\/|\/(index.html?)?$/g, ''))}](${full[2]})`;
  return escapeInline(text);
}

export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|$]/g, '\\$&');
}

/** A relative URL for Markdown: spaces and brackets escaped, the rest (CJK too) kept readable. */
export function markdownUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => encodeURIComponent(c));
}

function convertInline(lines: Line[], ctx: TagContext): Line[] {
  const tags = findTags(lines);
  const names = new Set(tags.map((t) => t.name));
  const out = lines.map((l) => ({ ...l }));
  // Right to left, so earlier offsets on a line stay valid.
  for (const tag of [...tags].sort((a, b) => b.line - a.line || b.start - a.start)) {
    const line = out[tag.line]!;
    // An end tag is reported with its opening tag.
    if (tag.name.startsWith('end') && names.has(tag.name.slice(3))) continue;
    const replacement = inlineTag(tag, line, ctx);
    if (replacement === undefined) continue;
    line.text = line.text.slice(0, tag.start) + replacement + line.text.slice(tag.end);
  }
  return out;
}

function asset(ctx: TagContext, name: string): string | undefined {
  const clean = name.replace(/^\.\//, '');
  return ctx.assets.has(clean) ? `${ctx.assetBase}${markdownUrl(clean)}` : undefined;
}

function inlineTag(tag: Tag, line: Line, ctx: TagContext): string | undefined {
  const args = tag.args;
  const values = args.map((a) => a.value);
  const fail = (why: string) => {
    unconvertible(ctx, line, `${tag.raw.replace(/\s+/g, ' ')}: ${why}`);
    return undefined;
  };
  switch (tag.name) {
    case 'asset_img':
    case 'asset_image': {
      const at = values.findIndex((v) => asset(ctx, v) !== undefined);
      if (at < 0) return fail(`no file named ${values.find((v) => /\.\w+$/.test(v)) ?? values[0] ?? '(none)'} in the post's asset folder`);
      const meta = imageMeta(args.slice(at + 1));
      if (meta.size) ctx.log.check(ctx.file, line.from, `image size ${meta.size} not kept (Markdown images have none)`);
      if (!meta.alt && !meta.title) ctx.log.check(ctx.file, line.from, `image ${values[at]} has no description: add alt text`);
      ctx.log.change('{% asset_img %} → image');
      return `![${escapeInline(meta.alt || meta.title)}](${asset(ctx, values[at]!)}${meta.title ? ` "${meta.title.replace(/"/g, '\\"')}"` : ''})`;
    }
    case 'img':
    case 'image': {
      const at = values.findIndex((v) => v.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || asset(ctx, v) !== undefined);
      if (at < 0) return fail('no image path');
      const src = asset(ctx, values[at]!) ?? markdownUrl(values[at]!);
      const meta = imageMeta(args.slice(at + 1));
      if (meta.size) ctx.log.check(ctx.file, line.from, `image size ${meta.size} not kept (Markdown images have none)`);
      ctx.log.change('{% img %} → image');
      return `![${escapeInline(meta.alt || meta.title)}](${src}${meta.title ? ` "${meta.title.replace(/"/g, '\\"')}"` : ''})`;
    }
    case 'asset_link': {
      const [name, ...rest] = values;
      const url = name === undefined ? undefined : asset(ctx, name);
      if (!url) return fail(`no file named ${name ?? '(none)'} in the post's asset folder`);
      if (rest.at(-1) === 'true' || rest.at(-1) === 'false') rest.pop();
      ctx.log.change('{% asset_link %} → link');
      return `[${escapeInline(rest.join(' ') || name!)}](${url})`;
    }
    case 'asset_path': {
      const url = values[0] === undefined ? undefined : asset(ctx, values[0]);
      if (!url) return fail(`no file named ${values[0] ?? '(none)'} in the post's asset folder`);
      ctx.log.change('{% asset_path %} → path');
      return url;
    }
    case 'post_link':
    case 'post_path': {
      const [ref = '', ...rest] = values;
      const [name, hash] = ref.split('#');
      const target = ctx.findPost(name!);
      if (!target) return fail(`no post named "${name}"`);
      const url = `./${target.slug}.md${hash ? `#${hash}` : ''}`;
      if (tag.name === 'post_path') {
        ctx.log.change('{% post_path %} → ./x.md');
        return url;
      }
      if (rest.at(-1) === 'true' || rest.at(-1) === 'false') rest.pop();
      ctx.log.change('{% post_link %} → ./x.md link');
      return `[${escapeInline(rest.join(' ') || target.title)}](${url})`;
    }
    case 'link':
    case 'a':
    case 'anchor': {
      const at = values.findIndex((v) => /^(https?:\/\/|\/)/.test(v));
      if (at < 1) return fail('no link text and URL');
      const title = values.slice(at + 1).filter((v) => v !== 'true' && v !== 'false').join(' ');
      ctx.log.change('{% link %} → link');
      return `[${escapeInline(values.slice(0, at).join(' '))}](${markdownUrl(values[at]!)}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`;
    }
    default:
      if (tag.raw.includes('\u0000')) return undefined;
      if (BLOCKS.has(tag.name) || BLOCKS.has(tag.name.replace(/^end/, ''))) return undefined;
      return fail(`{% ${tag.name} %} has no Markdown form`);
  }
}

/** `[width] [height] [title [alt]]` after an image path; quoted parts keep their spaces. */
function imageMeta(args: Arg[]): { size: string; title: string; alt: string } {
  const rest = [...args];
  const size: string[] = [];
  while (rest.length > 0 && size.length < 2 && /^\d+(%|px)?$/.test(rest[0]!.value)) size.push(rest.shift()!.value);
  let title = '';
  let alt = '';
  if (rest.length === 2 && rest.every((a) => a.quoted)) [title, alt] = [rest[0]!.value, rest[1]!.value];
  else title = rest.map((a) => a.value).join(' ');
  return { size: size.join('×'), title, alt };
}
