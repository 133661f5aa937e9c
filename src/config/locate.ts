/**
 * Finds the line of a key in a config's source text (`['nav', 2, 'path']`), so a config error
 * can point at it. A light scan, not a parser: strings and comments are skipped, keys are
 * matched at the object depth they belong to. Undefined when the text does not show the key
 * (a value built by code, a spread).
 */
export function lineOfKey(source: string, path: readonly (string | number)[]): number | undefined {
  const tokens = scan(source);
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  // A config built in steps (\`const config = {…}\`): the first place the key is written.
  const anywhere = () => {
    const m = last === undefined ? null : new RegExp(`(^|[\\s{,])(["']?)${last.replace(/[$]/g, '\\$&')}\\2\\s*:`, 'm').exec(source);
    return m ? lineAt(source, m.index + m[1]!.length) : undefined;
  };
  // The exported object: the first `{` after `export default` (or `module.exports =`).
  const start = /export\s+default|module\.exports\s*=/.exec(source)?.index ?? 0;
  let i = tokens.findIndex((t) => t.pos >= start && t.char === '{');
  if (i < 0) return anywhere();
  let found: number | undefined;
  for (const segment of path) {
    if (i < 0) return found;
    const member = typeof segment === 'number' ? element(tokens, i, segment) : property(source, tokens, i, segment);
    if (member === undefined) return found ?? anywhere();
    found = lineAt(source, member.pos);
    // Descend into the member's value when it is an object or a list.
    const next = tokens[member.token + 1];
    i = next && (next.char === '{' || next.char === '[') && next.pos >= member.pos ? member.token + 1 : -1;
  }
  return found;
}

interface Token {
  char: string;
  pos: number;
  /** Nesting depth outside this bracket. */
  depth: number;
}

/** Brackets, braces, commas and colons outside strings and comments, with their depth. */
function scan(source: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  for (let p = 0; p < source.length; p++) {
    const c = source[p]!;
    if (c === '"' || c === "'" || c === '`') {
      for (p++; p < source.length && source[p] !== c; p++) if (source[p] === '\\') p++;
    } else if (c === '/' && source[p + 1] === '/') {
      while (p < source.length && source[p] !== '\n') p++;
    } else if (c === '/' && source[p + 1] === '*') {
      p = source.indexOf('*/', p + 2);
      if (p < 0) break;
      p++;
    } else if (c === '{' || c === '[') tokens.push({ char: c, pos: p, depth: depth++ });
    else if (c === '}' || c === ']') tokens.push({ char: c, pos: p, depth: --depth });
    else if (c === ',' || c === ':') tokens.push({ char: c, pos: p, depth });
  }
  return tokens;
}

/** The `key:` directly inside the object opened at token `open`. */
function property(source: string, tokens: Token[], open: number, key: string): { pos: number; token: number } | undefined {
  const depth = tokens[open]!.depth + 1;
  for (let k = open + 1; k < tokens.length && tokens[k]!.depth >= depth; k++) {
    const t = tokens[k]!;
    if (t.depth !== depth || t.char !== ':') continue;
    const before = source.slice(0, t.pos);
    const m = /(["']?)([\w$-]+)\1\s*$/.exec(before);
    if (m && m[2] === key) return { pos: m.index, token: k };
  }
  return undefined;
}

/** The n-th element of the list opened at token `open`. */
function element(tokens: Token[], open: number, n: number): { pos: number; token: number } | undefined {
  const depth = tokens[open]!.depth + 1;
  let index = 0;
  let pos = tokens[open]!.pos + 1;
  for (let k = open + 1; k < tokens.length && tokens[k]!.depth >= depth; k++) {
    const t = tokens[k]!;
    if (t.depth !== depth) continue;
    if (t.char === ',') {
      index++;
      pos = t.pos + 1;
      continue;
    }
    if (index === n && (t.char === '{' || t.char === '[')) return { pos: t.pos, token: k - 1 };
  }
  return index >= n ? { pos, token: -2 } : undefined;
}

function lineAt(source: string, pos: number): number {
  let line = 1;
  for (let p = 0; p < pos; p++) if (source.charCodeAt(p) === 10) line++;
  return line;
}
