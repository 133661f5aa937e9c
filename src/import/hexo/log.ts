/** One thing the author should know about: where, and whether it blocks a faithful import. */
export interface ImportNote {
  /** Path shown to the author: the Hexo file (`source/_posts/x.md`). */
  file: string;
  line: number;
  message: string;
  /** `needs`: left for the author (exit 1). `check`: converted, but worth a look. */
  level: 'needs' | 'check';
  /** Where it now is in the site (`content/posts/x.md:15`), for what was left in place. */
  at?: string;
}

/** What an import did and found: changes counted by kind, and notes at file:line. */
export class ImportLog {
  readonly changes = new Map<string, number>();
  readonly notes: ImportNote[] = [];

  change(kind: string, count = 1): void {
    this.changes.set(kind, (this.changes.get(kind) ?? 0) + count);
  }

  check(file: string, line: number, message: string): void {
    this.notes.push({ file, line, message, level: 'check' });
  }

  needs(file: string, line: number, message: string): void {
    this.notes.push({ file, line, message, level: 'needs' });
  }
}
