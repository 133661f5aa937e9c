import vm from 'node:vm';

/** How long one document may take to render before it is stopped and reported. */
export const RENDER_TIME_LIMIT_MS = 30_000;

export class TimeLimitError extends Error {}

const context = vm.createContext({ job: undefined as (() => unknown) | undefined });
const call = new vm.Script('job()');

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
