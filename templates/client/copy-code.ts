import { ui } from './ui.ts';

/** How a code block's language is shown; others are shown as written in the fence. */
const LANGUAGE_NAMES: Record<string, string> = {
  bash: 'Bash',
  sh: 'Shell',
  shell: 'Shell',
  console: 'Console',
  python: 'Python',
  py: 'Python',
  javascript: 'JavaScript',
  js: 'JavaScript',
  typescript: 'TypeScript',
  ts: 'TypeScript',
  json: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  diff: 'Diff',
  html: 'HTML',
  css: 'CSS',
  cpp: 'C++',
  c: 'C',
  rust: 'Rust',
  go: 'Go',
  toml: 'TOML',
  sql: 'SQL',
};

/** The fence's language (`language-python`), named for readers; none for plain text. */
export function languageLabel(code: Element): string | undefined {
  const lang = [...code.classList].find((c) => c.startsWith('language-'))?.slice('language-'.length).toLowerCase();
  if (!lang || lang === 'text' || lang === 'plaintext' || lang === 'txt') return undefined;
  return LANGUAGE_NAMES[lang] ?? lang;
}

/**
 * Gives every code block a bar above its code: the language on the left, a "复制" button on the
 * right. The bar sits in the block's top padding (reserved by style.css as soon as the page
 * loads, so nothing moves), which keeps it off the code and fixed while the code scrolls sideways.
 */
export function enhanceCodeBlocks(): void {
  for (const pre of document.querySelectorAll<HTMLPreElement>('.post-body pre')) {
    const code = pre.querySelector('code');
    if (!code || pre.parentElement?.classList.contains('code-block')) continue;
    const block = document.createElement('div');
    block.className = 'code-block';
    pre.before(block);
    const bar = document.createElement('div');
    bar.className = 'code-bar';
    const lang = languageLabel(code);
    if (lang) {
      const label = document.createElement('span');
      label.className = 'code-lang';
      label.textContent = lang;
      bar.append(label);
    }
    if (navigator.clipboard) bar.append(copyButton(code));
    block.append(bar, pre);
  }
}

function copyButton(code: HTMLElement): HTMLButtonElement {
  const strings = ui();
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-code';
  button.textContent = strings.copy ?? '';
  button.setAttribute('aria-label', strings.copyCode ?? '');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.innerText);
      button.textContent = strings.copied ?? '';
    } catch {
      button.textContent = strings.copyFailed ?? '';
    }
    setTimeout(() => (button.textContent = strings.copy ?? ''), 1500);
  });
  return button;
}
