#!/usr/bin/env node
// Runs Folio's TypeScript sources directly through tsx, so `npx folio` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
