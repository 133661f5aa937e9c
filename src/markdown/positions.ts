/** Offset ↔ line/column for one source text, built once per document. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * For each index of the parsed text, its index in the source slice of the node. The parser
 * drops list indentation and `>` markers between lines and resolves escapes and entities, so
 * the two differ; walking both finds where each character came from.
 */
export function alignToSource(value: string, raw: string): number[] {
  const map = new Array<number>(value.length + 1);
  let r = 0;
  for (let v = 0; v < value.length; ) {
    if (r >= raw.length) {
      map[v++] = raw.length;
      continue;
    }
    if (raw[r] === value[v]) {
      map[v++] = r++;
    } else if (raw[r] === '\\' && raw[r + 1] === value[v]) {
      map[v++] = r;
      r += 2;
    } else if (raw[r] === '&' && /^&(?:#\d+|#x[\da-f]+|\w+);/i.test(raw.slice(r, r + 40))) {
      const entity = /^&(?:#\d+|#x[\da-f]+|\w+);/i.exec(raw.slice(r, r + 40))![0];
      const width = (value.codePointAt(v) ?? 0) > 0xffff ? 2 : 1;
      for (let k = 0; k < width; k++) map[v++] = r;
      r += entity.length;
    } else {
      r++;
    }
  }
  map[value.length] = r;
  return map;
}
