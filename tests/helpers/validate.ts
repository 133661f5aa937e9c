import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import Parser from 'rss-parser';
import { listFiles } from './fixture.ts';

const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:standard'] }));

/** html-validate (preset `standard`) on every page; returns "file: rule message" lines. */
export async function validateHtml(outDir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of listFiles(outDir).filter((f) => f.endsWith('.html'))) {
    const report = await validator.validateString(readFileSync(path.join(outDir, file), 'utf8'), file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column}: ${m.ruleId} ${m.message}`);
    }
  }
  return problems;
}

/** Parses a feed with an independent parser (rss-parser handles RSS 2.0 and Atom). */
export async function parseFeed(xml: string) {
  return new Parser().parseString(xml);
}
