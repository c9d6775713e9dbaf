#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + renderer + integration tests (vitest), the Electron build
// (main, preload, renderer), then the Playwright end-to-end tests in Debian's Chromium.
// Prints one closing line: `total: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

if (!process.version.startsWith('v24.')) {
  console.error(`npm test must run on Node 24 (from the "node" devDependency); this is ${process.version}. Run it through npm.`);
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });

const steps = [];
function run(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

run('typecheck', 'npx', ['tsc', '-b']);
run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const built = run('build', 'npx', ['electron-vite', 'build']);
if (built) run('e2e', 'npx', ['playwright', 'test']);
else steps.push({ name: 'e2e', ok: false, seconds: '0', skipped: 'build failed' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
  skipped += p.stats?.skipped ?? 0;
}
console.log('\n=== summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)${s.skipped ? ` — ${s.skipped}` : ''}`);
const stepFailures = steps.filter((s) => !s.ok).length;
if (stepFailures > 0 && failed === 0) failed = stepFailures;
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
