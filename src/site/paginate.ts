import { pagePath } from './urls.ts';

export interface PageSlice<T> {
  items: T[];
  page: number;
  total: number;
  path: string;
  prevPath?: string;
  nextPath?: string;
}

/** Splits a list into pages at `listPath`, `listPath/page/2/`, …; an empty list is one empty page. */
export function paginate<T>(items: T[], perPage: number, listPath: string): PageSlice<T>[] {
  const size = Math.max(1, Math.floor(perPage));
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const page = i + 1;
    return {
      items: items.slice(i * size, page * size),
      page,
      total,
      path: pagePath(listPath, page),
      ...(page > 1 ? { prevPath: pagePath(listPath, page - 1) } : {}),
      ...(page < total ? { nextPath: pagePath(listPath, page + 1) } : {}),
    };
  });
}
