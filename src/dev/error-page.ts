import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { formatDiagnostic, type Diagnostic } from '../content/diagnostic.ts';

export interface ErrorPageOptions {
  diagnostics: Diagnostic[];
  /** Source text by display path, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** A crash of Folio's own code (a template that throws): shown with its stack. */
  crash?: Error;
}

/**
 * The page the dev server shows instead of a page that cannot be built: each problem as
 * `file:line:col: message` with its code frame, exactly as the terminal and `folio build` print
 * it. The Vite client is added by the server, so the page reloads once the file is fixed.
 */
export function errorPage(options: ErrorPageOptions): string {
  const problems = options.diagnostics.map((d) =>
    h('section', { className: ['dev-error'] }, [
      h('h2', `${d.file}:${d.line}:${d.column}`),
      h('pre', formatDiagnostic(d, options.sources.get(d.file))),
    ]),
  );
  if (options.crash) problems.push(h('section', { className: ['dev-error'] }, [h('h2', options.crash.message), h('pre', options.crash.stack ?? String(options.crash))]));
  const count = options.diagnostics.length + (options.crash ? 1 : 0);
  const tree = h('html', { lang: 'en' }, [
    h('head', [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', `Folio: ${count} error${count === 1 ? '' : 's'}`),
      // No icon request: a browser would otherwise ask for /favicon.ico, a 404 beside the error.
      h('link', { rel: 'icon', href: 'data:,' }),
      h('style', STYLE),
    ]),
    h('body', [
      h('main', [
        h('h1', `This page cannot be built: ${count} error${count === 1 ? '' : 's'}`),
        h('p', 'Fix the file and save: the page reloads by itself. The same messages are in the terminal.'),
        ...problems,
      ]),
    ]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}

// Dev-only page: a style element is fine here (the published site has no inline code).
const STYLE = `
body { margin: 0; background: #1b1b1f; color: #e6e6e6; font: 15px/1.5 system-ui, sans-serif; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #ff8a80; font-size: 1.3rem; }
h2 { font: 600 1rem ui-monospace, monospace; color: #ffd180; margin: 1.5rem 0 0.5rem; }
pre { background: #111114; padding: 1rem; overflow-x: auto; border-left: 3px solid #ff8a80; font: 13px/1.5 ui-monospace, monospace; }
`;
