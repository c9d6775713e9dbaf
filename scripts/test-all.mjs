#!/usr/bin/env node
// `npm test`: typecheck and lint side by side, unit + renderer + integration tests (vitest), the
// Electron build (main, preload, renderer), then the Playwright end-to-end tests in Debian's Chromium.
// Names every failed test, then prints one closing line: `total: N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';

if (!process.version.startsWith('v24.')) {
  console.error(`npm test must run on Node 24 (from the "node" devDependency); this is ${process.version}. Run it through npm.`);
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });
// Counts come from these reports: never from an earlier run's.
for (const f of ['vitest.json', 'playwright.json']) rmSync(`test-results/${f}`, { force: true });

const steps = [];

/**
 * Runs one process and keeps its output (for the failure list); with `echo` the output is also
 * passed straight through as it comes.
 */
function spawnStep(name, cmd, args, { echo }) {
  const started = Date.now();
  return new Promise((resolveStep) => {
    const child = spawn(cmd, args, { stdio: ['inherit', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } });
    const out = [];
    child.stdout.on('data', (b) => (echo && process.stdout.write(b), out.push(b)));
    child.stderr.on('data', (b) => (echo && process.stderr.write(b), out.push(b)));
    const finish = (code, error) => {
      if (error) {
        const said = Buffer.from(`could not start: ${error.message}\n`);
        if (echo) process.stdout.write(said);
        out.push(said);
      }
      resolveStep({ name, cmd, args, ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1), out: Buffer.concat(out).toString('utf8') });
    };
    child.on('error', (e) => finish(null, e));
    child.on('close', (code) => finish(code));
  });
}

const heading = (r) => `\n=== ${r.name}: ${r.cmd} ${r.args.join(' ')}`;

/** Runs one step, its output passed straight through. */
async function run(name, cmd, args) {
  console.log(heading({ name, cmd, args }));
  const r = await spawnStep(name, cmd, args, { echo: true });
  steps.push(r);
  return r.ok;
}

/**
 * Runs the steps at once (each is one process on one core), then prints each one's output whole,
 * in order, so their lines do not interleave.
 */
async function runTogether(list) {
  const results = await Promise.all(list.map(([name, cmd, args]) => spawnStep(name, cmd, args, { echo: false })));
  for (const r of results) {
    console.log(heading(r));
    process.stdout.write(r.out);
    steps.push(r);
  }
}

await runTogether([
  ['typecheck', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
]);
await run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const built = await run('build', 'npx', ['electron-vite', 'build']);
if (built) await run('e2e', 'npx', ['playwright', 'test']);
else steps.push({ name: 'e2e', ok: false, seconds: '0', skipped: 'build failed' });

let passed = 0;
let failed = 0;
let skipped = 0;
/** Each failed test with the first lines of its error, so the end of a CI log says what broke. */
const failures = [];
// eslint-disable-next-line no-control-regex -- colour codes in captured output
const stripColours = (text) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '');
const firstLines = (text, n = 4) =>
  stripColours(text)
    .split('\n')
    .filter((l) => l.trim() && !/^[⎯\s]+$/.test(l))
    .slice(0, n)
    .map((l) => `      ${l.slice(0, 300)}`)
    .join('\n');
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  for (const file of v.testResults ?? []) {
    const name = relative(process.cwd(), file.name);
    const failedTests = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failedTests) failures.push(`  vitest ${name} > ${a.fullName}\n${firstLines((a.failureMessages ?? []).join('\n'))}`);
    // A file that fails outside any test (import error, failing hook) has a message but no failed test.
    if (failedTests.length === 0 && file.status === 'failed') failures.push(`  vitest ${name}\n${firstLines(file.message)}`);
  }
}
if (existsSync('test-results/playwright.json')) {
  const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0);
  skipped += p.stats?.skipped ?? 0;
  const walk = (suite) => {
    for (const child of suite.suites ?? []) walk(child);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const bad = (t.results ?? []).filter((r) => r.status !== 'passed' && r.status !== 'skipped');
        if (bad.length === 0) continue;
        const err = bad[0].error?.message ?? bad[0].errors?.[0]?.message;
        failures.push(`  e2e ${spec.file}:${spec.line} > ${spec.title} (${bad[0].status})\n${firstLines(err)}`);
      }
    }
  };
  for (const s of p.suites ?? []) walk(s);
}
// Vitest also fails a run whose tests all passed when something rejected or threw outside them:
// its JSON report does not say so, its output does.
const vitestStep = steps.find((st) => st.name === 'vitest');
const unhandled = vitestStep && !vitestStep.ok ? /Unhandled Errors[\s\S]*$/.exec(stripColours(vitestStep.out))?.[0] : undefined;
if (unhandled) failures.push(`  vitest: unhandled errors\n${firstLines(unhandled.split('\n').slice(1).join('\n'), 8)}`);
for (const st of steps) {
  if (!st.ok && !failures.some((f) => f.startsWith(`  ${st.name}`)))
    failures.push(`  ${st.name} failed; the end of its output:\n${firstLines(stripColours(st.out ?? '').split('\n').filter((l) => l.trim()).slice(-8).join('\n'), 8)}`);
}
if (failures.length > 0) console.log(`\n=== failed tests\n${failures.join('\n')}`);
console.log('\n=== summary');
for (const s of steps) console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)${s.skipped ? ` — ${s.skipped}` : ''}`);
const stepFailures = steps.filter((s) => !s.ok).length;
if (stepFailures > 0 && failed === 0) failed = stepFailures;
console.log(`total: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
