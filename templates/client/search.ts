// The /search/ page: Pagefind in the browser. Without JavaScript the page still holds the form
// and a note; with it, `?q=` (from the header box or this page's form) is searched as you type.
import { strings } from '../strings.ts';
import { isRelevant, matchedWords } from './search-relevance.ts';

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

  let latest = 0;
  const run = async (raw: string) => {
    const query = raw.trim();
    const ticket = ++latest;
    syncUrl(query);
    if (query === '') {
      container.replaceChildren();
      return;
    }
    container.replaceChildren(status(strings.searchLoading));
    let fragments: PagefindFragment[];
    try {
      const pf = await load();
      const found = await pf.search(query);
      const data = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS * 2).map((r) => r.data()));
      // Pagefind falls back to the longest indexed prefix of an unknown word ("qzx" → "q");
      // such matches are not what the reader asked for.
      fragments = data.filter((f) => isRelevant(query, matchedWords(f.raw_content ?? '', f.locations))).slice(0, MAX_RESULTS);
    } catch {
      if (ticket === latest) container.replaceChildren(status(strings.searchUnavailable));
      return;
    }
    if (ticket !== latest) return;
    if (fragments.length === 0) {
      container.replaceChildren(status(strings.searchNoResults(query)));
      return;
    }
    const list = document.createElement('ol');
    list.className = 'search-result-list';
    list.setAttribute('aria-label', strings.searchResults);
    for (const f of fragments) list.append(resultItem(f));
    container.replaceChildren(status(strings.searchResultCount(fragments.length, query)), list);
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

function status(text: string): HTMLElement {
  const p = document.createElement('p');
  p.className = 'search-status';
  p.textContent = text;
  return p;
}

function resultItem(f: PagefindFragment): HTMLElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const link = document.createElement('a');
  link.className = 'search-result-title';
  link.href = f.url;
  link.textContent = f.meta.title ?? f.url;
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  excerpt.append(...excerptNodes(f.excerpt));
  li.append(link, excerpt);
  return li;
}

/** Pagefind's excerpt is HTML with `<mark>`; keep the text and the marks, nothing else. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out: Node[] = [];
  for (const node of doc.body.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.push(mark);
    } else {
      out.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return out;
}

/** Keeps `?q=` in the address bar, so a search can be shared, reloaded and navigated back to. */
function syncUrl(query: string): void {
  const url = new URL(location.href);
  if (query === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  if (url.href !== location.href) history.replaceState(null, '', url);
}
