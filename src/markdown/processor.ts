import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import type { SiteConfig } from '../config/types.ts';
import { remarkAlerts } from './alerts.ts';
import { remarkCjkAutolink } from './cjk-autolink.ts';
import { rehypeCodeInfo } from './code.ts';
import { remarkExcerpt } from './excerpt.ts';
import { rehypeFigure } from './figure.ts';
import { rehypeHeadings } from './headings.ts';
import { rehypeHtmlShape } from './html-shape.ts';
import { DEFAULT_LABELS, fillLabel, type MarkdownLabels } from './labels.ts';
import { rehypeLinks } from './links.ts';
import { remarkLiquidTags } from './liquid.ts';
import { rehypeMath, type MathOptions } from './math.ts';
import { remarkMathRefs } from './math-refs.ts';
import { remarkMathSource } from './math-source.ts';
import { remarkPlainText } from './plain-text.ts';
import { rehypeReservedIds } from './reserved-ids.ts';
import { rehypeRawWhenNeeded } from './raw.ts';
import { rehypeLiteralRawText } from './raw-text.ts';
import { rehypeReportRemovals } from './removals.ts';
import { sanitizeSchema } from './sanitize.ts';
import { rehypeUrlSchemes } from './schemes.ts';
import { remarkTableBudget } from './table-budget.ts';
import { remarkTableCells } from './table-cells.ts';
import { trustSitePlugins } from './trusted.ts';
import { remarkWikilinks } from './wikilinks.ts';

export interface ProcessorOptions {
  math: MathOptions;
  /** Length of an excerpt cut from the body, in characters. */
  excerptLength?: number;
  /** Text written into posts (footnotes, anchors, alerts), in the site's language. */
  labels?: MarkdownLabels;
  /** The site's own remark and rehype plugins (`sitePlugins(config)`). */
  plugins?: SitePlugins;
}

/** The site's Markdown plugins, in the order they run. */
export interface SitePlugins {
  remark: PluggableList;
  rehype: PluggableList;
}

/** `markdown.remarkPlugins`/`rehypePlugins`, then each of `plugins[i]`'s, in config order. */
export function sitePlugins(config: Pick<Partial<SiteConfig>, 'markdown' | 'plugins'>): SitePlugins {
  const sources = [config.markdown ?? {}, ...(config.plugins ?? [])];
  return { remark: sources.flatMap((s) => s.remarkPlugins ?? []), rehype: sources.flatMap((s) => s.rehypePlugins ?? []) };
}

/** Languages written as plain text on purpose: no highlighting, no warning. */
export const PLAIN_LANGUAGES = ['text', 'txt', 'plain', 'plaintext', 'console', 'output', 'none'];

/**
 * The one Markdown → HTML processor, used by the build and the dev server alike.
 * Order matters: raw HTML is parsed and sanitised before anything we generate is added.
 *
 * Where the site's plugins run (`markdown` and `plugins` in site.config.ts):
 * - remark plugins after Folio's own Markdown transforms (GFM, math, wikilinks, alerts, …) and
 *   before the excerpt and plain text are taken, so those show what the plugins made. What they
 *   ask for through `data.hName`/`hProperties` is kept through sanitising (see trusted.ts); raw
 *   HTML they insert is treated as the author's and sanitised.
 * - rehype plugins last, just before HTML is written: they see the final, sanitised tree (ids,
 *   resolved links, highlighted code, rendered math), and what they add is kept as it is.
 */
export function createProcessor(options: ProcessorOptions) {
  const labels = options.labels ?? DEFAULT_LABELS;
  const site = options.plugins ?? { remark: [], rehype: [] };
  const trust = site.remark.length > 0 ? trustSitePlugins(sanitizeSchema) : undefined;
  const schema = trust?.schema ?? sanitizeSchema;
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCjkFriendly)
    .use(remarkCjkFriendlyGfmStrikethrough)
    .use(remarkMath)
    // Before the table budget: it may parse the rest of a post again (a `$$` closed at a line's end).
    .use(remarkMathSource)
    .use(remarkTableBudget)
    .use(remarkMathRefs)
    .use(remarkTableCells)
    .use(remarkCjkAutolink)
    .use(remarkLiquidTags)
    .use(remarkWikilinks)
    .use(remarkAlerts, { titles: labels.alerts })
    .use(trust ? [trust.remarkBefore, ...site.remark, trust.remarkAfter] : [])
    .use(remarkExcerpt, { length: options.excerptLength ?? 160 })
    .use(remarkPlainText)
    .use(remarkRehype, {
      allowDangerousHtml: true,
      footnoteLabel: labels.footnotes,
      footnoteBackLabel: (n: number) => fillLabel(labels.footnoteBack, String(n + 1)),
    })
    .use(rehypeLiteralRawText)
    .use(rehypeRawWhenNeeded)
    .use(rehypeUrlSchemes)
    .use(trust ? [trust.rehypeHide] : [])
    .use(rehypeReportRemovals, { schema })
    .use(rehypeSanitize, schema)
    .use(trust ? [trust.rehypeRestore] : [])
    .use(rehypeHtmlShape)
    // Ids and the table of contents are taken while formulas are still TeX, so that
    // `## 输出 $h_t$` keeps `h_t` in its id and its TOC entry.
    .use(rehypeSlug)
    .use(rehypeReservedIds)
    .use(rehypeHeadings, { anchorLabel: labels.anchor })
    .use(rehypeMath, options.math)
    // rehype-highlight registers lowlight's common languages by default.
    .use(rehypeHighlight, { detect: false, plainText: PLAIN_LANGUAGES })
    .use(rehypeCodeInfo)
    .use(rehypeLinks)
    .use(rehypeFigure)
    .use(site.rehype)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

export type Processor = ReturnType<typeof createProcessor>;
