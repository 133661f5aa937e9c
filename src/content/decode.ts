import { diagnostic, type Diagnostic } from './diagnostic.ts';

/**
 * The largest source file we render. A real post is tens of kilobytes; the Markdown parser
 * slows down on documents of many megabytes (seconds per megabyte, worse with many small
 * blocks), so a 10 MB paste fails at once with a clear message instead of stalling the build.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/**
 * Bytes to text the way authors expect: UTF-8 only, a BOM is dropped, CRLF and CR become LF
 * (so every line/column we report matches what an editor shows).
 */
export function decodeSource(bytes: Uint8Array, file: string): { text: string } | { error: Diagnostic } {
  if (bytes.length > MAX_SOURCE_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return {
      error: diagnostic(
        file,
        1,
        1,
        `the file is ${mb(bytes.length)}; a post may be at most ${mb(MAX_SOURCE_BYTES)} (one this size is usually a pasted log or data): split it into several posts, or link the data as a file`,
        'file/too-large',
      ),
    };
  }
  if (bytes.length === 0) return { error: diagnostic(file, 1, 1, 'the file is empty; a post needs frontmatter with a title and a date', 'file/empty') };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: diagnostic(file, 1, 1, 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8', 'file/encoding') };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lines = before.split(/\r\n|\r|\n/);
    return {
      error: diagnostic(
        file,
        lines.length,
        (lines.at(-1)?.length ?? 0) + 1,
        `the file is not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}); save it as UTF-8`,
        'file/encoding',
      ),
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { error: diagnostic(file, 1, 1, 'the file is empty; a post needs frontmatter with a title and a date', 'file/empty') };
  return { text };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
