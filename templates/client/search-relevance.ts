// Pagefind answers a word it does not know with the longest prefix it does know, so "qzxjvw"
// finds every page with the variable `q`. A result is kept only when the words it matched
// account for most of what the reader typed.

/** The words of a Pagefind fragment at the matched locations (as its excerpt builder splits them). */
export function matchedWords(rawContent: string, locations: readonly number[]): string[] {
  const words = rawContent.includes('\u200B') ? rawContent.split('\u200B') : rawContent.split(/[^\S\uFEFF]+/);
  return locations.map((i) => words[i] ?? '').filter((w) => w !== '');
}

const IGNORED = /[\s\p{P}\p{S}]/gu;

/**
 * True when the distinct matched words cover more than half of the query's characters, each
 * matched character used once: "掩码" matched as 掩 + 码 is kept, "torchrn" matched as "torch"
 * is kept (a typo), "qzxjvw" matched as "q" and "zzzz" matched as "z" are not.
 */
export function isRelevant(query: string, words: readonly string[]): boolean {
  const wanted = [...query.toLowerCase().replace(IGNORED, '')];
  if (wanted.length === 0) return words.length > 0;
  const available = new Map<string, number>();
  for (const word of new Set(words.map((w) => w.toLowerCase().replace(IGNORED, '')))) {
    for (const ch of word) available.set(ch, (available.get(ch) ?? 0) + 1);
  }
  let covered = 0;
  for (const ch of wanted) {
    const n = available.get(ch) ?? 0;
    if (n > 0) {
      covered++;
      available.set(ch, n - 1);
    }
  }
  return covered * 2 > wanted.length;
}
