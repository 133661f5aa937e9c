import type { Root as MdastRoot } from 'mdast';
import { describe, expect, it } from 'vitest';
import { createProcessor, sitePlugins } from '../../../src/markdown/processor.ts';
import { renderDocuments } from '../../../src/markdown/render.ts';
import { mapWithin, TimeLimitError } from '../../../src/markdown/time-limit.ts';

/** Keeps the thread busy for `ms` (a timer would let the watchdog's window pass idle). */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

/** A site's remark plugin that never ends on a post saying SPIN, the way a runaway plugin or macro would. */
function remarkSpin() {
  return (tree: MdastRoot) => {
    if (JSON.stringify(tree).includes('SPIN')) for (;;) spin(10);
  };
}

describe('the render time limit', () => {
  it('gives every item its own window even when items share one watchdog', () => {
    const stopped: number[] = [];
    // 150 ms items under a 250 ms limit: the second starts 150 ms into the first window, so the
    // watchdog fires while it runs; it must start again in a window of its own, not be stopped.
    const out = mapWithin(
      [150, 150, Infinity, 40],
      (ms) => {
        if (ms === Infinity) for (;;) spin(10);
        spin(ms);
        return `done ${ms}`;
      },
      250,
      (ms, error) => {
        expect(error).toBeInstanceOf(TimeLimitError);
        stopped.push(ms);
        return 'stopped';
      },
    );
    expect(out).toEqual(['done 150', 'done 150', 'stopped', 'done 40']);
    expect(stopped).toEqual([Infinity]);
  });

  it('stops a runaway document with an error at it and renders the others in the same batch', () => {
    const processor = createProcessor({ math: { failOn: 'error' }, plugins: sitePlugins({ markdown: { remarkPlugins: [remarkSpin] } }) });
    const input = (name: string, body: string) => ({ rel: `posts/${name}.md`, displayPath: `content/posts/${name}.md`, body, sitePath: `/posts/${name}/`, docPaths: {}, contentDir: '/nonexistent', base: '/' });
    const [before, runaway, after] = renderDocuments(processor, [input('a', '# 前一篇\n\n正文 a'), input('b', '开头\n\nSPIN'), input('c', '后一篇 **c**')], 300);
    expect(before!.html).toContain('正文 a');
    expect(before!.diagnostics).toEqual([]);
    expect(after!.html).toContain('<strong>c</strong>');
    expect(after!.diagnostics).toEqual([]);
    expect(runaway!.html).toBe('');
    expect(runaway!.diagnostics).toEqual([expect.objectContaining({ file: 'content/posts/b.md', rule: 'render/timeout', severity: 'error' })]);
    expect(runaway!.diagnostics[0]!.message).toMatch(/took longer than 0\.3 s/);
  });
});
