/** A Liquid/Hexo tag in a text: `{% asset_img a.png %}`, `{%- note info -%}`. */
export interface LiquidTag {
  /** Offset of the `{%`. */
  start: number;
  /** Offset after the closing `%}`, or after the name when the tag is never closed. */
  end: number;
  name: string;
  /** What stands between the name and `%}` (a `-` before `%}` left out); '' when unclosed. */
  args: string;
  /** The tag as written, from `{%` to `end`. */
  raw: string;
  /** False for an opening with no `%}` after it. */
  closed: boolean;
}

/** The opening of a tag: `{% asset_img`, `{%- note`. */
const OPEN = /\{%-?\s*([A-Za-z_][\w-]*)/g;

/**
 * The one scanner of Liquid/Hexo tags, shared by the Markdown warning (a tag left in a post) and
 * the Hexo importer (which converts them). A tag runs to the first `%}` after its name, so an
 * opening inside another tag's arguments is part of that tag. Linear in the text's length.
 */
export function* liquidTags(text: string): Generator<LiquidTag> {
  if (!text.includes('{%')) return;
  const open = new RegExp(OPEN);
  let closings = true;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const start = m.index;
    const afterName = start + m[0].length;
    const close = closings ? text.indexOf('%}', afterName) : -1;
    if (close < 0) {
      // No `%}` anywhere after this opening: none after any later one either.
      closings = false;
      yield { start, end: afterName, name: m[1]!, args: '', raw: m[0], closed: false };
      continue;
    }
    const args = text.slice(afterName, close);
    const end = close + 2;
    yield { start, end, name: m[1]!, args: args.endsWith('-') ? args.slice(0, -1) : args, raw: text.slice(start, end), closed: true };
    open.lastIndex = end;
  }
}
