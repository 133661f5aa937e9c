import { common } from 'lowlight';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkAlerts } from './alerts.ts';
import { rehypeCodeInfo } from './code.ts';
import { remarkExcerpt } from './excerpt.ts';
import { rehypeFigure } from './figure.ts';
import { rehypeHeadings } from './headings.ts';
import { rehypeHtmlShape } from './html-shape.ts';
import { rehypeLinks } from './links.ts';
import { rehypeMath, type MathOptions } from './math.ts';
import { remarkPlainText } from './plain-text.ts';
import { rehypeReservedIds } from './reserved-ids.ts';
import { rehypeRawWhenNeeded } from './raw.ts';
import { sanitizeSchema } from './sanitize.ts';
import { remarkTableBudget } from './table-budget.ts';
import { remarkWikilinks } from './wikilinks.ts';

export interface ProcessorOptions {
  math: MathOptions;
  /** Length of an excerpt cut from the body, in characters. */
  excerptLength?: number;
}

/** Languages written as plain text on purpose: no highlighting, no warning. */
export const PLAIN_LANGUAGES = ['text', 'txt', 'plain', 'plaintext', 'console', 'output', 'none'];

/**
 * The one Markdown → HTML processor, used by the build and the dev server alike.
 * Order matters: raw HTML is parsed and sanitised before anything we generate is added.
 */
export function createProcessor(options: ProcessorOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkTableBudget)
    .use(remarkCjkFriendly)
    .use(remarkMath)
    .use(remarkWikilinks)
    .use(remarkAlerts)
    .use(remarkExcerpt, { length: options.excerptLength ?? 160 })
    .use(remarkPlainText)
    .use(remarkRehype, {
      allowDangerousHtml: true,
      footnoteLabel: '脚注',
      footnoteBackLabel: (n: number) => `返回引用 ${n + 1}`,
    })
    .use(rehypeRawWhenNeeded)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHtmlShape)
    .use(rehypeMath, options.math)
    .use(rehypeHighlight, { languages: common, detect: false, plainText: PLAIN_LANGUAGES })
    .use(rehypeCodeInfo)
    .use(rehypeSlug)
    .use(rehypeReservedIds)
    .use(rehypeHeadings)
    .use(rehypeLinks)
    .use(rehypeFigure)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

export type Processor = ReturnType<typeof createProcessor>;
