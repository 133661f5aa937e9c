// The floor: the plain single-thread pipeline a user could write in a few lines with the
// same libraries (gray-matter, remark, rehype-katex, rehype-highlight), rendering every post
// of a content folder to HTML strings. No pages, no feeds, no search: a lower bound on work.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import rehypeHighlight from 'rehype-highlight';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype).use(rehypeKatex).use(rehypeHighlight).use(rehypeStringify);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') ? [path.join(dir, e.name)] : []));
}

let bytes = 0;
for (const file of walk(process.argv[2]!)) {
  const { content } = matter(readFileSync(file, 'utf8'));
  bytes += String(processor.processSync(content)).length;
}
process.stdout.write(`${bytes}\n`);
