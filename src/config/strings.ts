/**
 * Every word of the interface, one table per language. `language` in the config picks a table
 * (`zh-CN`, the default, or `en`) and `strings` overrides any entry (see `resolveStrings`).
 * Templates read the table from their RenderContext (`ctx.strings`), never from this module.
 *
 * An entry that depends on a value is a function of it. The entries the Markdown renderer and the
 * browser scripts use are handed to them as text (they run in worker threads and on the page), by
 * calling the function with a placeholder: such functions should only put their argument into
 * the text (see `markdownLabels` and `clientStrings`).
 */
import type { StringOverrides, Strings } from './types.ts';
import { SLOT, type MarkdownLabels } from '../markdown/labels.ts';

export type { StringOverrides, Strings };

const zhCN: Strings = {
  skipToContent: '跳到正文',
  home: '首页',
  latest: '最近更新',
  readMore: '阅读全文',
  posts: '文章',
  tags: '标签',
  tagsIndex: '全部标签',
  categories: '分类',
  categoriesIndex: '全部分类',
  archives: '归档',
  search: '搜索',
  searchPlaceholder: '搜索文章…',
  searchLabel: '搜索本站',
  searchDescription: '按标题和正文搜索本站的全部文章，输入时即出结果。',
  searchNoScript: '搜索需要启用 JavaScript。你也可以按标签、分类或归档浏览全部文章。',
  searchLoading: '正在搜索…',
  searchResultCount: (n: number, query: string) => `找到 ${n} 篇与“${query}”相关的文章`,
  searchNoResults: (query: string) => `没有找到与“${query}”相关的文章。换个关键词试试，或按标签、分类浏览。`,
  searchUnavailable: '搜索索引暂时不可用，请稍后再试。',
  searchResults: '搜索结果',
  series: '系列',
  toc: '目录',
  backToTop: '回到顶部',
  copyCode: '复制代码',
  copyFailed: '复制失败',
  codeLanguage: (lang: string) => `代码语言：${lang}`,
  scrollHint: '可左右滑动',
  published: '发布于',
  updated: '更新于',
  category: '分类',
  /** Minutes: Chinese is counted at 400 characters a minute, other words at 200 a minute. */
  readingTime: (minutes: number) => `约 ${minutes} 分钟读完`,
  postCount: (n: number) => `${n} 篇文章`,
  termCount: (n: number) => `共 ${n} 个`,
  latestOf: (name: string) => `${name}的最近文章`,
  previousPost: '上一篇',
  nextPost: '下一篇',
  newer: '较新的文章',
  older: '较早的文章',
  pageOf: (page: number, total: number) => `第 ${page} / ${total} 页`,
  pagination: '分页',
  tagTitle: (name: string) => `标签：${name}`,
  categoryTitle: (name: string) => `分类：${name}`,
  seriesTitle: (name: string) => `系列：${name}`,
  /** `标签：MAE（3 篇文章）`: a page's description built from its title and a count. */
  titleWithCount: (title: string, count: string) => `${title}（${count}）`,
  /** `全部标签：站名`, `归档：12 篇文章`. */
  labelled: (label: string, value: string) => `${label}：${value}`,
  /** A post's date as shown (its <time> carries the ISO date and time). */
  date: (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`,
  yearMonth: (year: number, month: number) => `${year} 年 ${month} 月`,
  year: (year: number) => `${year} 年`,
  notFoundTitle: '页面不存在',
  notFoundBody: '你要找的页面不存在，可能已被移动或删除。',
  backHome: '返回首页',
  movedTo: '本文已移至：',
  notFoundSearch: '试试搜索，或从下面的最近更新读起。',
  feeds: '订阅',
  rss: 'RSS',
  atom: 'Atom',
  jsonFeed: 'JSON Feed',
  poweredBy: '由 Folio 生成',
  mainNav: '主导航',
  siteFooter: '页脚',
  theme: '主题',
  themeSystem: '主题：跟随系统',
  themeLight: '主题：浅色',
  themeDark: '主题：深色',
  copy: '复制',
  copied: '已复制',
  // Knowledge base: series, backlinks, related posts, per-term feeds.
  backlinks: '被引用于',
  related: '相关文章',
  seriesPosition: (position: number, total: number) => `第 ${position} / ${total} 篇`,
  seriesPrevious: '系列上一篇',
  seriesNext: '系列下一篇',
  seriesPart: (n: number) => `第 ${n} 篇`,
  /** The default nav (when the config sets no `nav`). */
  nav: { home: '首页', categories: '分类', tags: '标签', archives: '归档', search: '搜索' },
  /** Text the Markdown renderer writes into posts. */
  markdown: {
    footnotes: '脚注',
    /** The back link of a footnote, by the number of its reference (`1`, `2`, …). */
    footnoteBack: (ref: string) => `返回引用 ${ref}`,
    anchor: (heading: string) => `本节链接：${heading}`,
    alerts: { note: '注意', tip: '提示', important: '重要', warning: '警告', caution: '小心' },
  },
  /** `folio new`: the body of a new post, under its frontmatter. */
  newPost: '在这里写引言：读者为什么要读这篇文章。\n\n<!-- more -->\n\n## 小节\n\n正文。\n',
};

const en: Strings = {
  skipToContent: 'Skip to content',
  home: 'Home',
  latest: 'Latest posts',
  readMore: 'Read more',
  posts: 'Posts',
  tags: 'Tags',
  tagsIndex: 'All tags',
  categories: 'Categories',
  categoriesIndex: 'All categories',
  archives: 'Archives',
  search: 'Search',
  searchPlaceholder: 'Search posts…',
  searchLabel: 'Search this site',
  searchDescription: 'Search every post on this site by title and text; results appear as you type.',
  searchNoScript: 'Search needs JavaScript. You can also browse every post by tag, category or archive.',
  searchLoading: 'Searching…',
  searchResultCount: (n: number, query: string) => `${n} ${n === 1 ? 'post' : 'posts'} found for “${query}”`,
  searchNoResults: (query: string) => `No posts found for “${query}”. Try other words, or browse by tag or category.`,
  searchUnavailable: 'The search index is unavailable right now; please try again later.',
  searchResults: 'Search results',
  series: 'Series',
  toc: 'Contents',
  backToTop: 'Back to top',
  copyCode: 'Copy code',
  copyFailed: 'Copy failed',
  codeLanguage: (lang: string) => `Code language: ${lang}`,
  scrollHint: 'Scroll sideways',
  published: 'Published',
  updated: 'Updated',
  category: 'Category',
  readingTime: (minutes: number) => `${minutes} min read`,
  postCount: (n: number) => `${n} ${n === 1 ? 'post' : 'posts'}`,
  termCount: (n: number) => `${n} in all`,
  latestOf: (name: string) => `Latest in ${name}`,
  previousPost: 'Previous post',
  nextPost: 'Next post',
  newer: 'Newer posts',
  older: 'Older posts',
  pageOf: (page: number, total: number) => `Page ${page} of ${total}`,
  pagination: 'Pagination',
  tagTitle: (name: string) => `Tag: ${name}`,
  categoryTitle: (name: string) => `Category: ${name}`,
  seriesTitle: (name: string) => `Series: ${name}`,
  titleWithCount: (title: string, count: string) => `${title} (${count})`,
  labelled: (label: string, value: string) => `${label}: ${value}`,
  date: (year: number, month: number, day: number) => `${day} ${MONTHS[month - 1] ?? month} ${year}`,
  yearMonth: (year: number, month: number) => `${MONTHS[month - 1] ?? month} ${year}`,
  year: (year: number) => String(year),
  notFoundTitle: 'Page not found',
  notFoundBody: 'The page you are looking for does not exist; it may have been moved or deleted.',
  backHome: 'Back to the home page',
  movedTo: 'This post has moved to: ',
  notFoundSearch: 'Try a search, or start from the latest posts below.',
  feeds: 'Subscribe',
  rss: 'RSS',
  atom: 'Atom',
  jsonFeed: 'JSON Feed',
  poweredBy: 'Made with Folio',
  mainNav: 'Main',
  siteFooter: 'Footer',
  theme: 'Theme',
  themeSystem: 'Theme: system',
  themeLight: 'Theme: light',
  themeDark: 'Theme: dark',
  copy: 'Copy',
  copied: 'Copied',
  backlinks: 'Linked from',
  related: 'Related posts',
  seriesPosition: (position: number, total: number) => `Part ${position} of ${total}`,
  seriesPrevious: 'Previous in series',
  seriesNext: 'Next in series',
  seriesPart: (n: number) => `Part ${n}`,
  nav: { home: 'Home', categories: 'Categories', tags: 'Tags', archives: 'Archives', search: 'Search' },
  markdown: {
    footnotes: 'Footnotes',
    footnoteBack: (ref: string) => `Back to reference ${ref}`,
    anchor: (heading: string) => `Link to this section: ${heading}`,
    alerts: { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' },
  },
  newPost: 'Write the introduction here: why should a reader read this post?\n\n<!-- more -->\n\n## A section\n\nThe text.\n',
};

const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The built-in tables, by the language they are for. */
export const TABLES = { 'zh-CN': zhCN, en } satisfies Record<string, Strings>;

export type TableLanguage = keyof typeof TABLES;

/** Other tags accepted for `language`, and the table each one selects. */
export const LANGUAGE_ALIASES: Readonly<Record<string, TableLanguage>> = {
  'zh-cn': 'zh-CN',
  zh: 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-hans-cn': 'zh-CN',
  'zh-sg': 'zh-CN',
  en: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  'en-au': 'en',
  'en-ca': 'en',
  'en-nz': 'en',
  'en-ie': 'en',
  'en-in': 'en',
};

/** The table a language tag selects, or undefined for a language without one. */
export function tableFor(language: string): TableLanguage | undefined {
  return LANGUAGE_ALIASES[language.trim().toLowerCase()];
}

/** The table for `language` with `overrides` laid over it. An unknown language gets the default table (the config schema refuses one). */
export function resolveStrings(language: string, overrides?: StringOverrides): Strings {
  const table: Strings = TABLES[tableFor(language) ?? 'zh-CN'];
  return overrides ? (merge(table as unknown as Record<string, unknown>, overrides as Record<string, unknown>) as unknown as Strings) : table;
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const own = base[key];
    out[key] = isPlain(own) && isPlain(value) ? merge(own, value) : value;
  }
  return out;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** SLOT stands for an argument in text handed to a worker or the browser (a private-use character). */
export { SLOT };

/** The Markdown renderer's text (see src/markdown/labels.ts): plain data, with SLOT for the argument. */
export function markdownLabels(strings: Strings): MarkdownLabels {
  const m = strings.markdown;
  return { footnotes: m.footnotes, footnoteBack: m.footnoteBack(SLOT), anchor: m.anchor(SLOT), alerts: { ...m.alerts } };
}

/** How many results the search page shows at most (templates/client/search.ts). */
export const MAX_SEARCH_RESULTS = 20;

/** What the copy buttons and the theme switch say, for every page (`data-strings` on <body>). */
export function clientStrings(strings: Strings): Record<string, string> {
  const { copy, copied, copyFailed, copyCode, themeSystem, themeLight, themeDark } = strings;
  return { copy, copied, copyFailed, copyCode, themeSystem, themeLight, themeDark };
}

/** What the search page's script says (`data-strings` on its results box): SLOT stands for the query. */
export function searchStrings(strings: Strings) {
  return {
    loading: strings.searchLoading,
    unavailable: strings.searchUnavailable,
    results: strings.searchResults,
    none: strings.searchNoResults(SLOT),
    // By the number of results, so that each language counts in its own way (1 post, 2 posts).
    count: Array.from({ length: MAX_SEARCH_RESULTS + 1 }, (_, n) => strings.searchResultCount(n, SLOT)),
  };
}
