import type { SourceDoc } from '../content/load.ts';
import type { Rendered } from '../markdown/render.ts';
import { assignTerms } from './collect.ts';
import type { Doc } from './model.ts';

/** Joins loaded frontmatter and rendered output into the documents the site is built from. */
export function toDocs(sources: SourceDoc[], rendered: Map<string, Rendered>): Doc[] {
  const posts = sources.filter((s) => s.kind === 'post');
  const tags = assignTerms(posts.flatMap((s) => s.fm.tags), '/tags/');
  const categories = assignTerms(posts.flatMap((s) => (s.fm.category ? [s.fm.category] : [])), '/categories/');
  const series = assignTerms(posts.flatMap((s) => (s.fm.series ? [s.fm.series] : [])), '/series/');
  const docs: Doc[] = [];
  for (const s of sources) {
    const r = rendered.get(s.rel);
    if (!r) continue;
    const { fm } = s;
    docs.push({
      kind: s.kind,
      rel: s.rel,
      file: s.file,
      slug: s.slug,
      path: s.path,
      title: fm.title,
      ...(fm.date ? { date: fm.date } : {}),
      ...(fm.updated ? { updated: fm.updated } : {}),
      tags: s.kind === 'post' ? fm.tags.map((t) => tags.get(t)!) : [],
      ...(s.kind === 'post' && fm.category ? { category: categories.get(fm.category)! } : {}),
      ...(s.kind === 'post' && fm.series ? { series: series.get(fm.series)! } : {}),
      ...(fm.seriesOrder !== undefined ? { seriesOrder: fm.seriesOrder } : {}),
      summary: fm.summary ?? r.excerpt,
      // A getter: cached posts load their HTML only when a page shows it.
      get html() {
        return r.html;
      },
      toc: r.toc,
      headingIds: r.headingIds,
      // Also a getter: a cached post's plain text is read only when something uses it.
      get text() {
        return r.text;
      },
      readingMinutes: r.readingMinutes,
      hasMath: r.hasMath,
      hasCode: r.hasCode,
      links: r.links,
      assets: r.assets,
      aliases: s.aliases,
      contentKey: r.key ?? '',
    });
  }
  return docs;
}
