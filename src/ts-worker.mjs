// Worker threads do not inherit the CLI's TypeScript loader. When Folio runs from its sources,
// each worker starts from a plain JavaScript shim beside its module (render-worker.mjs,
// page-worker.mjs) that loads the module through here; the compiled lib/ has one plain entry
// per worker instead (see `workerFile` in paths.ts).
import { register } from 'tsx/esm/api';

/** The default export of a TypeScript module, loaded with tsx registered in this thread. */
export async function load(url) {
  register();
  return (await import(url.href)).default;
}
