import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import { workerFile } from '../paths.ts';
import { checkPages, scanPage, type BrokenLink, type PageInfo } from './check.ts';
import { INDEXED, searchRecord, type SearchRecord } from './search-input.ts';

/** A page the build has written, to be read (see `readPages`). */
export interface PageToRead {
  file: string;
  markup: string;
  /** Also make its search record (a post page). */
  search: boolean;
}

export type PageRead = [file: string, info: PageInfo, record: SearchRecord | undefined];

/** Reads pages in one parse each: their ids and links for the check, and search records. */
export function readPages(pages: readonly PageToRead[]): PageRead[] {
  return pages.map(({ file, markup, search }) => [file, scanPage(markup), search ? searchRecord(markup, INDEXED) : undefined]);
}

/**
 * Reads the pages a build writes, as it writes them: the ids and links of each for the link
 * check, and for post pages the record the search index takes, so that search need not read
 * and parse them again. The markup need not stay in memory until then. Given `pages` (about how
 * many the build will add) and a spare core, the reading happens on a worker thread, in
 * batches, while the build renders the next pages.
 */
export class PageReader {
  private readonly pages = new Map<string, PageInfo>();
  private readonly records = new Map<string, SearchRecord>();
  private readonly pool: Tinypool | undefined;
  private batch: PageToRead[] = [];
  private readonly pending: Promise<void>[] = [];
  private closed = false;
  private inFlight = 0;

  constructor(options: { pages?: number } = {}) {
    if ((options.pages ?? 0) >= MIN_PAGES_FOR_WORKER && availableParallelism() > 1) {
      this.pool = new Tinypool({ filename: workerFile('page-worker'), minThreads: 1, maxThreads: 1 });
    }
  }

  add(file: string, markup: string, options: { search?: boolean } = {}): void {
    this.batch.push({ file, markup, search: options.search === true });
    if (!this.pool || this.batch.length >= BATCH) this.flush();
  }

  /** Waits until every page added has been read (and stops the worker). */
  async done(): Promise<void> {
    this.flush();
    try {
      while (this.pending.length > 0) await Promise.all(this.pending.splice(0));
    } finally {
      await this.close();
    }
  }

  /** The broken links among the pages read, against the files of `outDir` (after `done`). */
  check(outDir: string, base: string): BrokenLink[] {
    return checkPages(this.pages, outDir, base);
  }

  /** A post page's search record (after `done`); undefined if it must be indexed from its HTML. */
  record(file: string): SearchRecord | undefined {
    return this.records.get(file);
  }

  /** Stops the worker (a build that ends early calls this; `done` does it itself). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool?.destroy();
  }

  private keep(read: PageRead[]): void {
    for (const [file, info, record] of read) {
      this.pages.set(file, info);
      if (record) this.records.set(file, record);
    }
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    // With the worker behind, this thread reads the batch itself: the markup waiting for the
    // worker stays bounded, and both threads read.
    if (!this.pool || this.inFlight >= MAX_IN_FLIGHT) {
      this.keep(readPages(batch));
      return;
    }
    this.inFlight++;
    const done = (this.pool.run(batch) as Promise<PageRead[]>).then((read) => {
      this.inFlight--;
      this.keep(read);
    });
    // Failures surface in `done`; until then a rejection is not unhandled.
    done.catch(() => undefined);
    this.pending.push(done);
  }
}

/** Below this many pages, starting a worker costs more than reading them here. */
const MIN_PAGES_FOR_WORKER = 300;
const BATCH = 32;
/** Batches handed to the worker and not yet read back, at most. */
const MAX_IN_FLIGHT = 8;
