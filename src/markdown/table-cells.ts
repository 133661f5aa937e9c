import type { Root, Table } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './report.ts';

/**
 * remark plugin: a table row with more cells than the header has columns loses the extra cells
 * (GFM drops them when rendering), so it is an error at the first cell that would be dropped. A
 * row already explained by a `|` inside a formula (remarkMathSource's warning) is left to that.
 */
export function remarkTableCells() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'table', (table: Table) => {
      const columns = table.align?.length ?? table.children[0]?.children.length ?? 0;
      for (const row of table.children.slice(1)) {
        if (row.children.length <= columns) continue;
        const first = row.children[columns]!;
        if (file.messages.some((m) => m.ruleId === 'math/table-pipe' && m.line === row.position?.start.line)) continue;
        const extra = row.children.length - columns;
        report(
          file,
          first.position?.start,
          `this row has ${row.children.length} cells but the table has ${columns} columns, so the last ${extra === 1 ? 'cell is' : `${extra} cells are`} not shown; add a column to the header, or write a | inside a cell as \\|`,
          'table/extra-cells',
          'error',
        );
      }
    });
  };
}
