import { createProcessor } from '../../src/markdown/processor.ts';
import { renderDocument, type Rendered } from '../../src/markdown/render.ts';

const processor = createProcessor({ math: { failOn: 'error' } });

/** Renders one body as `posts/a.md` of a site with no other files, as the build would. */
export function renderBody(body: string, docPaths: Record<string, string> = {}): Rendered {
  return renderDocument(processor, { rel: 'posts/a.md', displayPath: 'a.md', body, sitePath: '/posts/a/', docPaths, contentDir: '/nonexistent', base: '/' });
}

/** `line:column severity rule` for each diagnostic, for compact assertions. */
export function where(r: Rendered): string[] {
  return r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);
}
