// Worker thread entry. Worker threads do not inherit the CLI's TypeScript loader, so this plain
// JavaScript shim registers tsx in the worker and then loads the real worker module.
import { register } from 'tsx/esm/api';

register();
const { default: render } = await import('./render-worker.ts');

export default render;
