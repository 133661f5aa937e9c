import type { ImportResult } from './import.ts';
import type { ImportNote } from './log.ts';

const byPlace = (a: ImportNote, b: ImportNote) => a.file.localeCompare(b.file) || a.line - b.line || a.message.localeCompare(b.message);

/** The report printed at the end of an import: what was converted, how, and what is left to do. */
export function importReport(result: ImportResult, hexoDir: string): string {
  const out: string[] = [];
  const { log } = result;
  out.push(`Imported ${result.posts.length} of ${result.found} posts from ${hexoDir} (${result.copied.beside} files beside posts, ${result.copied.public} into public/).`);
  const withAlias = result.posts.filter((p) => p.alias).length;
  out.push(`${withAlias} of them keep their old URL as an alias (a redirect page at the old path).`);
  if (result.config && result.config.root !== '/' && result.config.root !== '') {
    out.push(`The blog was served under ${result.config.root}: set base: '${result.config.root}' in site.config.ts so the old URLs match.`);
  }
  const dropped = [...log.changes].filter(([k]) => k.startsWith('frontmatter: dropped '));
  const changes = [...log.changes].filter(([k]) => !k.startsWith('frontmatter: dropped ')).sort(([a], [b]) => a.localeCompare(b));
  if (changes.length > 0) {
    out.push('', 'Changes:');
    const width = Math.max(...changes.map(([k]) => k.length));
    for (const [kind, n] of changes) out.push(`  ${kind.padEnd(width)}  ${n}`);
  }
  if (dropped.length > 0) {
    out.push('', `Frontmatter keys Folio has no use for, dropped: ${dropped.map(([k, n]) => `${k.slice('frontmatter: dropped '.length)} (${n})`).sort().join(', ')}`);
  }
  const section = (title: string, notes: ImportNote[]) => {
    if (notes.length === 0) return;
    out.push('', `${title} (${notes.length}):`);
    for (const n of [...notes].sort(byPlace)) out.push(`  ${n.file}:${n.line}: ${n.message}${n.at ? ` (${n.at})` : ''}`);
  };
  section('Check by hand', log.notes.filter((n) => n.level === 'check'));
  section('Needs you', log.notes.filter((n) => n.level === 'needs'));
  out.push('', result.ok ? 'Everything was converted. Next: folio build' : 'Some things need you (above); the rest was converted. Next: fix them, then folio build');
  return `${out.join('\n')}\n`;
}
