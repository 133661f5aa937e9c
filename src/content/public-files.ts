import path from 'node:path';
import { attachmentProblem } from '../markdown/attachments.ts';
import { diagnostic, type Diagnostic } from './diagnostic.ts';
import { walkFiles } from './walk.ts';

export interface PublicFile {
  /** Output path, relative to the site root: `favicon.ico`, `images/x.png`. */
  rel: string;
  /** Real path on disk, inside public/. */
  source: string;
}

/** Dot-named entries a static host expects: `.well-known/` files and `.nojekyll`. */
const keepDotted = (rel: string) => rel === '.nojekyll' || rel === '.well-known' || rel.startsWith('.well-known/');

/**
 * The files of public/ that are published as they are, by the same rules as files beside a
 * post: symbolic links stay inside the folder, and only allow-listed types are published.
 * Everything refused is an error at the file.
 */
export function listPublic(publicDir: string, display: (abs: string) => string = (p) => p): { files: PublicFile[]; diagnostics: Diagnostic[] } {
  const walked = walkFiles(publicDir, { display, name: 'public', keepDotted });
  const diagnostics = [...walked.diagnostics];
  const files: PublicFile[] = [];
  for (const f of walked.files) {
    const problem = attachmentProblem(f.real, 'public');
    if (problem) diagnostics.push(diagnostic(display(f.abs), 1, 1, `${path.posix.basename(f.rel)}: ${problem}`, 'asset/active-content'));
    else files.push({ rel: f.rel, source: f.real });
  }
  return { files, diagnostics };
}
