// The /search/ page: Pagefind in the browser. Without JavaScript the page still holds the form
// and a note; with it, `?q=` (from the header box or this page's form) is searched as you type
// and on Enter. Results whose title holds the query come first; each shows an excerpt cut at
// sentence boundaries, without the title, with the query's own words highlighted.
import { fill, readStrings } from './ui.ts';
import { isRelevant, matchedWords } from './search-relevance.ts';
import { excerpt, highlightTerms, mark, plainContent, rankByTitle, type ExcerptPart } from './search-text.ts';

interface PagefindFragment {
  url: string;
  excerpt: string;
  raw_content?: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  data: () => Promise<PagefindFragment>;
}

interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  mergeIndex: (path: string, options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (query: string) => Promise<{ results: PagefindResult[] } | null>;
}

const MAX_RESULTS = 20;

/** What this page says (src/config/strings.ts `searchStrings`): `\uE000` stands for the query. */
interface SearchStrings {
  loading: string;
  unavailable: string;
  results: string;
  none: string;
  /** By the number of results, 0 to MAX_RESULTS. */
  count: string[];
}

/** The extra shards of the index, listed by the build; none for a site indexed in one piece. */
async function shardList(bundle: string): Promise<string[]> {
  try {
    const response = await fetch(`${bundle}shards.json`);
    if (!response.ok) return [];
    const list: unknown = await response.json();
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string' && /^shard-[0-9a-f]+\/$/.test(s)) : [];
  } catch {
    return [];
  }
}
const DEBOUNCE_MS = 150;

export function enhanceSearch(): void {
  const container = document.querySelector<HTMLElement>('#search-results');
  const form = document.querySelector<HTMLFormElement>('.search-form');
  const input = document.querySelector<HTMLInputElement>('#search-input');
  if (!container || !form || !input) return;
  const strings = readStrings<SearchStrings>(container);
  const bundle = container.dataset.bundle ?? '/pagefind/';
  const base = container.dataset.base ?? '/';

  let pagefind: Promise<Pagefind> | undefined;
  const load = (): Promise<Pagefind> =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      // Result URLs are stored without the base, so one index serves any base path.
      await pf.options({ baseUrl: base, excerptLength: 40 });
      await pf.init();
      // Large sites are indexed in shards (one edit re-indexes one shard); merge the others in.
      for (const shard of await shardList(bundle)) await pf.mergeIndex(`${bundle}${shard}`, { baseUrl: base, excerptLength: 40 });
      return pf;
    })());

  const statusLine = container.querySelector<HTMLElement>('.search-status') ?? container.appendChild(status());
  const list = container.querySelector<HTMLOListElement>('.search-result-list') ?? container.appendChild(resultList(strings.results ?? ''));
  /** `data-state` says where the search is (for styles and tests); the status line says it in words. */
  const show = (state: 'idle' | 'loading' | 'done' | 'empty' | 'error', text: string, items: HTMLElement[] = []) => {
    container.dataset.state = state;
    container.setAttribute('aria-busy', String(state === 'loading'));
    statusLine.textContent = text;
    list.replaceChildren(...items);
    list.hidden = items.length === 0;
  };

  let latest = 0;
  const run = async (raw: string) => {
    const query = raw.trim();
    const ticket = ++latest;
    syncUrl(query);
    if (query === '') {
      show('idle', '');
      return;
    }
    // Earlier results stay on screen while the next ones load: typing does not make the page jump.
    if (list.childElementCount === 0) show('loading', strings.loading ?? '');
    else container.setAttribute('aria-busy', 'true');
    let fragments: PagefindFragment[];
    try {
      const pf = await load();
      const found = await pf.search(query);
      const data = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS * 2).map((r) => r.data()));
      // Pagefind falls back to the longest indexed prefix of an unknown word ("qzx" → "q");
      // such matches are not what the reader asked for.
      const relevant = data.filter((f) => isRelevant(query, matchedWords(f.raw_content ?? '', f.locations)));
      fragments = rankByTitle(query, relevant, (f) => f.meta.title ?? '').slice(0, MAX_RESULTS);
    } catch {
      if (ticket === latest) show('error', strings.unavailable ?? '');
      return;
    }
    if (ticket !== latest) return;
    if (fragments.length === 0) show('empty', fill(strings.none ?? '', query));
    else show('done', fill(strings.count?.[fragments.length] ?? '', query), fragments.map((f) => resultItem(f, query)));
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = container.querySelector<HTMLAnchorElement>('.search-result a');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape' && input.value !== '') {
      input.value = '';
      void run('');
    }
  });
  // Up and down move between results; up from the first goes back to the box.
  container.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...container.querySelectorAll<HTMLAnchorElement>('.search-result a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[Math.min(at + 1, links.length - 1)] : links[at - 1];
    (next ?? input).focus();
  });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial !== '') {
    input.value = initial;
    void run(initial);
  }
  // Warm the index while the reader types their first word.
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
}

function status(): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search-status';
  p.setAttribute('role', 'status');
  return p;
}

function resultList(label: string): HTMLOListElement {
  const list = document.createElement('ol');
  list.className = 'search-result-list';
  list.setAttribute('aria-label', label);
  list.hidden = true;
  return list;
}

function resultItem(f: PagefindFragment, query: string): HTMLElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const title = f.meta.title ?? '';
  const link = document.createElement('a');
  link.className = 'search-result-title';
  link.href = f.url;
  link.append(...(title ? parts(mark(title, highlightTerms(query, title))) : [f.url]));
  const text = plainContent(f.raw_content ?? '', title);
  const excerptLine = document.createElement('p');
  excerptLine.className = 'search-result-excerpt';
  excerptLine.append(...parts(excerpt(text, highlightTerms(query, text))));
  li.append(link, excerptLine);
  return li;
}

/** Excerpt parts as DOM nodes: text, and `<mark>` around highlighted words. Never HTML. */
function parts(list: ExcerptPart[]): Node[] {
  return list.map((p) => {
    if (!p.mark) return document.createTextNode(p.text);
    const m = document.createElement('mark');
    m.textContent = p.text;
    return m;
  });
}

/** Keeps `?q=` in the address bar, so a search can be shared, reloaded and navigated back to. */
function syncUrl(query: string): void {
  const url = new URL(location.href);
  if (query === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  if (url.href !== location.href) history.replaceState(null, '', url);
}
