import vm from 'node:vm';

/** How long one document may take to render before it is stopped and reported. */
export const RENDER_TIME_LIMIT_MS = 30_000;

export class TimeLimitError extends Error {}

const context = vm.createContext({ job: undefined as (() => unknown) | undefined });
const call = new vm.Script('job()');

/**
 * `fn` over `items`, each item with `ms` of its own, under as few watchdogs as possible: Node
 * starts a thread for every timed script, which costs about as much as rendering a short post,
 * so a batch shares one. When the watchdog fires, the item that was running is stopped for good
 * only if it had the whole window to itself (it was the window's first item); otherwise it starts
 * again, first in a fresh window. So no item is stopped before it has run for `ms`, and an item
 * that never ends costs at most twice that. `onTimeout` gives the stopped item's result.
 */
export function mapWithin<I, O>(items: readonly I[], fn: (item: I) => O, ms: number, onTimeout: (item: I, error: TimeLimitError) => O): O[] {
  const out: O[] = new Array(items.length);
  let i = 0;
  while (i < items.length) {
    const first = i;
    try {
      runWithin(() => {
        for (; i < items.length; i++) out[i] = fn(items[i]!);
      }, ms);
    } catch (error) {
      if (!(error instanceof TimeLimitError)) throw error;
      if (i === first) {
        out[i] = onTimeout(items[i]!, error);
        i++;
      }
    }
  }
  return out;
}

/**
 * Runs `fn` synchronously and stops it after `ms`. Node's script timeout terminates whatever
 * JavaScript is running on the thread, our own functions called from the script included, so a
 * document that would render for minutes ends in a positioned error instead (main thread, worker
 * or dev server alike).
 */
export function runWithin<T>(fn: () => T, ms: number): T {
  context.job = fn;
  try {
    return call.runInContext(context, { timeout: ms }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new TimeLimitError(`took longer than ${ms / 1000} s`);
    throw error;
  } finally {
    context.job = undefined;
  }
}
