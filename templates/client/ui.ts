/**
 * What the page's scripts say, in the site's language: the build writes it as JSON into a data
 * attribute (`data-strings` on <body>, and on the search page's results box), since the pages
 * allow no inline script. Nothing here holds text of its own.
 */
export function readStrings<T>(element: HTMLElement | null | undefined): Partial<T> {
  try {
    const value: unknown = JSON.parse(element?.dataset.strings ?? '{}');
    return typeof value === 'object' && value !== null ? (value as Partial<T>) : {};
  } catch {
    return {};
  }
}

/** `text` with each `\uE000` (src/config/strings.ts SLOT) replaced by `value`, which is not scanned again. */
export function fill(text: string, value: string): string {
  return text.split('\uE000').join(value);
}

export interface UiStrings {
  copy: string;
  copied: string;
  copyFailed: string;
  copyCode: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
}

/** The strings every page carries (src/config/strings.ts `clientStrings`). */
export const ui = (): Partial<UiStrings> => readStrings<UiStrings>(document.body);
