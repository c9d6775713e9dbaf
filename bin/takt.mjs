#!/usr/bin/env node
// The `takt` command. Runs the TypeScript sources through tsx so `npx takt` works straight
// after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
const code = await main(process.argv.slice(2));
if (typeof code === 'number') process.exitCode = code;
