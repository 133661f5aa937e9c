/**
 * The text the Markdown renderer writes into a post: the footnotes' heading and back links, the
 * headings' anchor labels and the alerts' titles. Plain data, so that it crosses to the render
 * workers; `\uE000` (SLOT) stands for the value put in. It comes from the site's string table
 * (src/config/strings.ts `markdownLabels`); without one, the Chinese defaults below apply.
 */
export interface MarkdownLabels {
  footnotes: string;
  /** SLOT: the reference's number, from 1. */
  footnoteBack: string;
  /** SLOT: the heading's text. */
  anchor: string;
  alerts: Record<AlertKind, string>;
}

export type AlertKind = 'note' | 'tip' | 'important' | 'warning' | 'caution';

export const SLOT = '\uE000';

export const DEFAULT_LABELS: MarkdownLabels = {
  footnotes: '脚注',
  footnoteBack: `返回引用 ${SLOT}`,
  anchor: `本节链接：${SLOT}`,
  alerts: { note: '注意', tip: '提示', important: '重要', warning: '警告', caution: '小心' },
};

/** `label` with its SLOT filled in. */
export function fillLabel(label: string, value: string): string {
  return label.split(SLOT).join(value);
}
