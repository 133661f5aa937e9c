import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';
import path from 'node:path';

let swaps = 0;

/** Files written between turns of the event loop, and writes left pending at most (see `write`). */
const YIELD_EVERY = 32;
const MAX_PENDING = 256;

/** Signals that end a build early; SIGKILL cannot be caught, and the next build cleans up. */
const INTERRUPTS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function contentDigest(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('base64url');
}

/** Files copied as they are change when their size or modification time does. */
function sourceDigest(file: string): string {
  const s = statSync(file);
  return `copy:${s.size}:${Math.round(s.mtimeMs)}`;
}

/**
 * Removes the previous output after a swap. The new output is already in place, so this is
 * left to a detached `rm` where there is one, instead of keeping the author waiting; whatever it
 * leaves behind is cleaned up by the next build.
 */
function discard(dir: string): void {
  if (process.platform !== 'win32' && existsSync('/bin/rm')) {
    try {
      spawn('/bin/rm', ['-rf', dir], { detached: true, stdio: 'ignore' }).unref();
      return;
    } catch {
      // fall through to a synchronous removal
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

/** One file of the built site. */
export type OutputFile =
  | { path: string; content: string | Uint8Array }
  | { path: string; copyFrom: string }
  /** Unchanged since the last build (digest `reuse`): linked from it, else rendered after all. */
  | { path: string; reuse: string; render: () => string | Uint8Array };

/**
 * Writes a build into a fresh directory beside the target and swaps it in only when it is
 * complete, so a failed or killed build leaves the published output exactly as it was.
 */
export class AtomicOutput {
  readonly staging: string;
  private readonly target: string;
  private finished = false;
  private readonly written = new Set<string>();
  private readonly writes: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    // Ctrl-C or a `kill` while staging: throw the half-written build away, leave the target as
    // it was, and exit the way a process killed by that signal does (130, 143, 129).
    this.abort();
    process.exit(128 + (osConstants.signals[signal] ?? 1));
  };

  constructor(target: string) {
    this.target = path.resolve(target);
    const parent = path.dirname(this.target);
    mkdirSync(parent, { recursive: true });
    removeStale(parent, path.basename(this.target));
    this.staging = path.join(parent, `.${path.basename(this.target)}.folio-staging-${process.pid}`);
    // Listen first: until Node has a listener, a signal still kills the process outright and
    // would leave the staging directory behind.
    for (const signal of INTERRUPTS) process.on(signal, this.onSignal);
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging, { recursive: true });
  }

  /**
   * Writes files into the staging directory; paths are relative and must stay inside it.
   * A file whose bytes are the same as in the previous build (by `previous`, path → digest) is
   * hard-linked from the current output instead of written, so it keeps its identity and
   * modification time and uploads stay small. Returns the digests of this build.
   */
  async write(files: Iterable<OutputFile>, previous: ReadonlyMap<string, string> = new Map()): Promise<Map<string, string>> {
    const dirs = new Set<string>();
    const manifest = new Map<string, string>();
    let count = 0;
    for (let file of files) {
      // Now and then the event loop runs: finished writes let go of their pages (at most
      // MAX_PENDING wait), and whatever works beside the build (a worker reading pages) is fed.
      if (++count % YIELD_EVERY === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (this.writes.length > MAX_PENDING) await Promise.all(this.writes.splice(0));
      }
      const dest = this.resolveInside(file.path);
      // Two files for one path would overwrite each other, and the second write could go through
      // a hard link into the published output; the render stage reports such clashes first.
      if (this.written.has(dest)) throw new Error(`two files of the build want the same path: ${file.path}`);
      this.written.add(dest);
      const dir = path.dirname(dest);
      if (!dirs.has(dir)) this.makeDir(dir, dirs);
      if ('reuse' in file) {
        if (this.linkUnchanged(file.path, dest)) {
          manifest.set(file.path, file.reuse);
          continue;
        }
        file = { path: file.path, content: file.render() };
      }
      const digest = 'copyFrom' in file ? sourceDigest(file.copyFrom) : contentDigest(file.content);
      manifest.set(file.path, digest);
      if (previous.get(file.path) === digest && this.linkUnchanged(file.path, dest)) continue;
      if ('copyFrom' in file) cpSync(file.copyFrom, dest, { dereference: true });
      else this.store(dest, file.content);
    }
    return manifest;
  }

  /**
   * Writes one file off this thread, so the build renders the next page meanwhile; `flush`
   * waits for every write. The first failure is kept and thrown there.
   */
  private store(dest: string, content: string | Uint8Array): void {
    this.writes.push(
      writeFile(dest, content).catch((error: unknown) => {
        this.failure ??= { error };
      }),
    );
  }

  /** Waits until every file given to `write` is on disk; throws if one could not be written. */
  async flush(): Promise<void> {
    while (this.writes.length > 0) await Promise.all(this.writes.splice(0));
    if (this.failure) throw this.failure.error;
  }

  /** mkdir for each missing ancestor once; `recursive` would stat every ancestor every time. */
  private makeDir(dir: string, made: Set<string>): void {
    if (made.has(dir) || dir === this.staging) return;
    this.makeDir(path.dirname(dir), made);
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    made.add(dir);
  }

  private linkUnchanged(relative: string, dest: string): boolean {
    try {
      linkSync(path.join(this.target, relative), dest);
      return true;
    } catch {
      return false;
    }
  }

  resolveInside(relative: string): string {
    const dest = path.resolve(this.staging, relative);
    if (!dest.startsWith(this.staging + path.sep)) throw new Error(`refusing to write outside the output directory: ${relative}`);
    return dest;
  }

  /**
   * Swaps the staging directory in for the target. It first lets the event loop poll, so that a
   * signal that arrived while files were written synchronously aborts instead. (Two turns: an
   * immediate queued from an I/O callback runs before the next poll.)
   */
  async commit(): Promise<void> {
    await this.flush();
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    if (this.finished) throw new Error('the build output was already committed or aborted');
    // A unique name: the previous build's old output may still be being removed under its own.
    const old = `${this.staging}-old-${Date.now()}-${++swaps}`;
    if (existsSync(this.target)) renameSync(this.target, old);
    renameSync(this.staging, this.target);
    this.finish();
    discard(old);
  }

  /** Throws the staging directory away; the target is untouched. */
  abort(): void {
    // Retries: a bundler's native threads may still be writing into it when a signal lands.
    if (!this.finished) rmSync(this.staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    this.finish();
  }

  private finish(): void {
    this.finished = true;
    for (const signal of INTERRUPTS) process.off(signal, this.onSignal);
  }
}

/**
 * Cleans up after builds that were killed: their staging directories go, and an output that was
 * moved aside in the instant before a swap is put back.
 */
function removeStale(parent: string, name: string): void {
  const prefix = `.${name}.folio-staging-`;
  for (const entry of readdirSync(parent).sort()) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number.parseInt(entry.slice(prefix.length), 10);
    if (pid !== process.pid && isAlive(pid)) continue;
    const full = path.join(parent, entry);
    const isOld = /-old(?:-\d+-\d+)?$/.test(entry);
    if (isOld && !existsSync(path.join(parent, name))) renameSync(full, path.join(parent, name));
    else if (isOld) discard(full);
    else rmSync(full, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isFinite(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
