import type { Doc } from './model.ts';

/** One document that links to another, with the sentences the links sit in. */
export interface Backlink {
  /** Source path of the linking document. */
  rel: string;
  title: string;
  path: string;
  date?: Date;
  /** Distinct sentences around its links to the target, in the order they appear (at most 3). */
  contexts: string[];
}

const MAX_CONTEXTS = 3;
const collator = new Intl.Collator('zh-CN');

/**
 * Who links to whom, by wikilink or Markdown link, from the links rendering recorded: target
 * source path → the documents linking to it, newest first (pages after posts). A document's
 * links to itself are not backlinks.
 */
export function backlinkIndex(docs: readonly Doc[]): Map<string, Backlink[]> {
  const index = new Map<string, Map<string, Backlink>>();
  for (const doc of docs) {
    for (const link of doc.links) {
      if (link.target === doc.rel) continue;
      let from = index.get(link.target);
      if (!from) index.set(link.target, (from = new Map()));
      let entry = from.get(doc.rel);
      if (!entry) {
        entry = { rel: doc.rel, title: doc.title, path: doc.path, ...(doc.date ? { date: doc.date } : {}), contexts: [] };
        from.set(doc.rel, entry);
      }
      const context = link.context.trim();
      if (context && !entry.contexts.includes(context) && entry.contexts.length < MAX_CONTEXTS) entry.contexts.push(context);
    }
  }
  const out = new Map<string, Backlink[]>();
  for (const [target, from] of index) out.set(target, [...from.values()].sort(newestFirst));
  return out;
}

function newestFirst(a: Backlink, b: Backlink): number {
  const ta = a.date?.getTime() ?? -Infinity;
  const tb = b.date?.getTime() ?? -Infinity;
  if (ta !== tb) return tb > ta ? 1 : -1;
  return collator.compare(a.title, b.title) || (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
}
