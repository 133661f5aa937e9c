import type { Root, Table } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './report.ts';

export interface TableBudgetOptions {
  /** Cells one table may have, counting the cells GFM adds to pad short rows. */
  maxCells: number;
}

export const DEFAULT_MAX_TABLE_CELLS = 10_000;

/**
 * remark plugin, before remark-rehype: a table whose header is N columns wide gets N cells in
 * every row, however short the row is written, so a few kilobytes of Markdown can ask for
 * millions of cells. A table over the budget is an error at its first line, and its source is
 * shown as a code block instead, so nothing of it is lost from the page.
 */
export function remarkTableBudget(options: TableBudgetOptions = { maxCells: DEFAULT_MAX_TABLE_CELLS }) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'table', (node: Table, index, parent) => {
      const columns = Math.max(node.align?.length ?? 0, ...node.children.slice(0, 1).map((row) => row.children.length));
      const cells = columns * node.children.length;
      if (cells <= options.maxCells || parent === undefined || index === undefined) return undefined;
      const at = node.position?.start ?? { line: 1, column: 1 };
      report(
        file,
        at,
        `this table has ${columns.toLocaleString('en')} columns × ${node.children.length.toLocaleString('en')} rows (${cells.toLocaleString('en')} cells); the limit is ${options.maxCells.toLocaleString('en')}: split it, or attach the data as a .csv file and link to it`,
        'table/too-large',
        'error',
      );
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const value = start !== undefined && end !== undefined ? source.slice(start, end) : '';
      parent.children[index] = { type: 'code', lang: 'text', value, ...(node.position ? { position: node.position } : {}) };
      return SKIP;
    });
  };
}
