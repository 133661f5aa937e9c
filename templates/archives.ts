import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import type { ArchiveMonth } from '../src/config/types.ts';
import type { RenderContext } from './context.ts';
import { layout } from './layout.ts';
import { time } from './partials.ts';

/** Every post, grouped by year and month, newest first. */
export function archivesPage(ctx: RenderContext, months: readonly ArchiveMonth[]): Root {
  const years = new Map<number, ArchiveMonth[]>();
  for (const m of months) years.set(m.year, [...(years.get(m.year) ?? []), m]);
  const sections: Element[] = [...years].map(([year, ms]) =>
    h('section', { className: ['archive-year'], ariaLabelledBy: `archive-${year}` }, [
      h('h2', { id: `archive-${year}` }, ctx.strings.year(year)),
      ...ms.map((m) =>
        h('section', { className: ['archive-month'] }, [
          h('h3', ctx.strings.yearMonth(m.year, m.month)),
          h(
            'ul',
            m.posts.map((p) => h('li', [time(ctx, p.date), ' ', h('a', { href: ctx.url(p.path) }, p.title)])),
          ),
        ]),
      ),
    ]),
  );
  const total = months.reduce((n, m) => n + m.posts.length, 0);
  return layout(ctx, { title: ctx.strings.archives, description: ctx.strings.labelled(ctx.strings.archives, ctx.strings.postCount(total)), path: '/archives/', bodyClass: 'page-archives' }, [
    h('h1', { className: ['page-title'] }, ctx.strings.archives),
    h('p', { className: ['page-subtitle'] }, ctx.strings.postCount(total)),
    ...sections,
  ]);
}
