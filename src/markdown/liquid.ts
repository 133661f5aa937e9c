import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { liquidTags } from './liquid-tags.ts';
import { alignToSource, LineIndex } from './positions.ts';
import { report } from './report.ts';


/**
 * remark plugin: a Hexo/Jekyll Liquid tag left in a post (`{% asset_img a.png %}`,
 * `{% note info %}`) is not Markdown and shows as literal text: a warning at its line names it.
 * Code, inline code and math keep their `{%` silently (a post about Hexo writes them there).
 */
export function remarkLiquidTags() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    let lines: LineIndex | undefined;
    visit(tree, 'text', (node: Text) => {
      if (!node.value.includes('{%')) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const toRaw = start !== undefined && end !== undefined ? alignToSource(node.value, source.slice(start, end)) : undefined;
      for (const tag of liquidTags(node.value)) {
        const place = toRaw && start !== undefined ? (lines ??= new LineIndex(source)).at(start + (toRaw[tag.start] ?? 0)) : node.position?.start;
        report(
          file,
          place,
          `Liquid/Hexo tag {% ${tag.name} … %} is not Markdown and shows as literal text; convert it to Markdown (\`folio import hexo\` converts Hexo's tags), or put it in backticks if it is meant as text`,
          'markdown/liquid-tag',
        );
      }
    });
  };
}
