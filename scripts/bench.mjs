#!/usr/bin/env node
// `npm run bench`: runs every benchmark in test/bench/ (one process each) and prints its figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failures = 0;
for (const f of files) {
  console.log(`\n=== ${f}`);
  const r = spawnSync('npx', ['tsx', `test/bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failures++;
}
process.exit(failures ? 1 : 0);
