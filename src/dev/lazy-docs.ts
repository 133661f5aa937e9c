import type { SourceDoc } from '../content/load.ts';
import type { Rendered } from '../markdown/render.ts';
import type { Doc } from '../site/model.ts';

export interface LazyRenderer {
  /** The rendered document, rendering it now if need be. */
  render: (rel: string, reason: 'content' | 'data') => Rendered;
  /** The rendered document if it has been rendered already. */
  peek: (rel: string) => Rendered | undefined;
}

/**
 * The build's documents (`toDocs`), but each one renders only when a template reads a field
 * that comes from rendering: the home page renders the ten posts it lists, a post page renders
 * that post. `toDocs` is given stand-ins that remember which `Rendered` field each `Doc` field
 * came from, so this stays right when either type grows a field.
 *
 * `assets` is the exception: emit lists every post's assets up front, so a document that has
 * not been rendered yet answers with none (the dev server renders it when one is requested).
 */
export function lazyDocs(toDocs: (s: SourceDoc[], r: Map<string, Rendered>) => Doc[], sources: SourceDoc[], renderer: LazyRenderer): Doc[] {
  const standIns = new Map<string, Rendered>();
  const origin = new Map<symbol, { rel: string; field: string }>();
  for (const s of sources) {
    const fields = new Map<string, symbol>();
    const standIn = new Proxy({} as Rendered, {
      get: (_, field) => {
        if (typeof field !== 'string') return undefined;
        let mark = fields.get(field);
        if (!mark) {
          fields.set(field, (mark = Symbol(field)));
          origin.set(mark, { rel: s.rel, field });
        }
        return mark;
      },
    });
    standIns.set(s.rel, standIn);
  }
  const docs = toDocs(sources, standIns);
  for (const doc of docs) {
    for (const [key, value] of Object.entries(doc)) {
      const from = typeof value === 'symbol' ? origin.get(value) : undefined;
      if (!from) continue;
      const { rel, field } = from;
      const get =
        key === 'assets'
          ? () => renderer.peek(rel)?.assets ?? []
          : () => renderer.render(rel, key === 'html' || key === 'summary' || key === 'toc' ? 'content' : 'data')[field as keyof Rendered];
      Object.defineProperty(doc, key, { get, enumerable: true, configurable: true });
    }
  }
  return docs;
}
