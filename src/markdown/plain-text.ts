import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type {} from './file-data.ts';

/** remark plugin: the document as plain text (for reading time and search). */
export function remarkPlainText() {
  return (tree: Root, file: VFile) => {
    file.data.plainText = toString(tree, { includeHtml: false });
  };
}

const HAN = /\p{Script=Han}/gu;
const WORD = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;

/** Minutes to read: Chinese at 400 characters a minute, other words at 200 a minute. */
export function readingMinutes(text: string): number {
  const han = text.match(HAN)?.length ?? 0;
  const words = text.replace(HAN, ' ').match(WORD)?.length ?? 0;
  return Math.max(1, Math.round(han / 400 + words / 200));
}

export function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}
