import { ui } from './ui.ts';

type Theme = 'light' | 'dark' | 'system';
const KEY = 'folio-theme';
const ORDER: Theme[] = ['system', 'light', 'dark'];

function current(): Theme {
  try {
    const saved = localStorage.getItem(KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

/** What the button says for each choice, in the site's language. */
function labels(): Record<Theme, string> {
  const s = ui();
  return { system: s.themeSystem ?? '', light: s.themeLight ?? '', dark: s.themeDark ?? '' };
}

function apply(theme: Theme, button: HTMLButtonElement): void {
  const LABELS = labels();
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  button.setAttribute('aria-label', LABELS[theme]);
  button.title = LABELS[theme];
  button.dataset.theme = theme;
  const label = button.querySelector('.theme-toggle-label');
  if (label) label.textContent = LABELS[theme];
}

/** Light / dark / system, remembered in localStorage; the head bootstrap applies it before paint. */
export function enhanceThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  button.hidden = false;
  apply(current(), button);
  button.addEventListener('click', () => {
    const next = ORDER[(ORDER.indexOf(current()) + 1) % ORDER.length]!;
    try {
      if (next === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next);
    } catch {
      /* storage disabled: the choice lasts for this page only */
    }
    apply(next, button);
  });
}
