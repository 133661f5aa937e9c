// Summarises `node --cpu-prof` profiles (main thread and workers) into the tables of
// docs/benchmarks.md: self time per package or source file, and inclusive time per source file
// and per heavy library (a sample counts once per name on its stack).
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx src/cli.ts build --out out
//   npx tsx scripts/bench/profile.ts /tmp/prof
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/micromark/…` → `micromark`; `src/markdown/links.ts` → itself; else a kind. */
function owner(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (m) return m[1]!;
  const s = /\/(src\/.+|lib\/.+)$/.exec(url);
  if (s) return s[1]!;
  if (url.startsWith('node:')) return 'node internals';
  return url ? path.basename(url) : '(native / gc / idle)';
}

const dir = process.argv[2]!;
/** Inclusive time per Markdown step and per library, summed over every thread's profile. */
const steps = new Map<string, number>();
let allBusy = 0;
const STEP = /^(src\/markdown\/|remark-|rehype-|micromark$|mdast-util-from-markdown|mdast-util-to-hast|hast-util-to-html|hast-util-sanitize|katex$|lowlight$|unist-util-visit|gray-matter|yaml$|htmlparser2$)/;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort()) {
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    if (leaf.callFrame.functionName === '(idle)') return;
    total += dt;
    const leafOwner = leaf.callFrame.url ? owner(leaf.callFrame.url) : leaf.callFrame.functionName;
    self.set(leafOwner, (self.get(leafOwner) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const url = byId.get(n)!.callFrame.url;
      if (url) seen.add(owner(url));
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    for (const k of seen) if (STEP.test(k)) steps.set(k, (steps.get(k) ?? 0) + dt);
  });
  allBusy += total;
  const top = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `| ${k} | ${(v / 1000).toFixed(2)} s | ${((100 * v) / total).toFixed(1)}% |`);
  console.log(`\n## ${file}: ${(total / 1000).toFixed(2)} s busy\n\n| self | time | share |\n|---|---:|---:|\n${top(self, 25).join('\n')}`);
  console.log(`\n| inclusive | time | share |\n|---|---:|---:|\n${top(inclusive, 40).join('\n')}`);
}

console.log(`\n## Markdown steps and libraries, all threads (${(allBusy / 1000).toFixed(2)} s busy)\n\n| inclusive | time | share |\n|---|---:|---:|`);
for (const [k, v] of [...steps].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${(v / 1000).toFixed(2)} s | ${((100 * v) / allBusy).toFixed(1)}% |`);
