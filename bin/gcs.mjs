#!/usr/bin/env node
// `gcs` command: runs the TypeScript CLI through tsx, so `npx gcs ...` works right after `npm install`
// with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/core/cli.ts');
process.exitCode = await main(process.argv.slice(2));
