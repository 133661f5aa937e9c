import { diagnostic, type Diagnostic } from '../content/diagnostic.ts';
import type { Doc } from './model.ts';

/** Every `[text](post.md#heading)` must name a heading that exists in that post. */
export function checkFragments(docs: Doc[]): Diagnostic[] {
  const byRel = new Map(docs.map((d) => [d.rel, d]));
  const out: Diagnostic[] = [];
  for (const doc of docs) {
    for (const link of doc.links) {
      if (link.fragment === undefined) continue;
      const target = byRel.get(link.target);
      if (!target) continue;
      if (!target.headingIds.includes(link.fragment)) {
        const known = target.headingIds.filter((id) => !id.startsWith('user-content-') && id !== 'footnote-label');
        out.push(
          diagnostic(
            doc.file,
            link.line,
            link.column,
            `link to a heading that does not exist: #${link.fragment} in ${target.rel}${known.length ? ` (headings: ${known.slice(0, 8).map((id) => `#${id}`).join(', ')})` : ''}`,
            'link/missing-heading',
          ),
        );
      }
    }
  }
  return out;
}
