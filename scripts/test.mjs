// `npm test`: every test, in order — the dense-wasm kernel's compile, the site build, the type check, the unit, engine, claims, plot and pre-render tests (vitest), then the
// end-to-end tests in the system Chromium (Playwright) — and one summary line at the end.
// Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const steps = [];

function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  return { ok: result.status === 0, seconds };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// 0. The dense-wasm kernel, compiled from its AssemblyScript source (vitest's globalSetup would also do it).
const wasm = run('dense-wasm kernel', 'node', ['scripts/build-wasm.mjs']);
steps.push({ name: 'wasm', passed: wasm.ok ? 1 : 0, failed: wasm.ok ? 0 : 1, skipped: 0, seconds: wasm.seconds });

// 1. The site build (a malformed formula, a bad i18n file or a broken lesson fails here).
const build = run('site build', 'npm', ['run', 'build']);
steps.push({ name: 'build', passed: build.ok ? 1 : 0, failed: build.ok ? 0 : 1, skipped: 0, seconds: build.seconds });

// Types: the strict tsconfig over every .ts file (not .astro files: astro check is not installed). After the
// build, because the build writes .astro/types.d.ts, which declares the astro:content module.
const types = run('type check', 'tsc', ['--noEmit', '-p', '.']);
steps.push({ name: 'tsc', passed: types.ok ? 1 : 0, failed: types.ok ? 0 : 1, skipped: 0, seconds: types.seconds });

// 2. Node tests. After the build: the pre-render reproduction tests then compare a fresh run with the
// build's own pre-rendered file, instead of making a second independent run of every preset for want of one.
rmSync('test-results/vitest.json', { force: true });
const unit = run('unit, engine and plot tests', 'vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
const vitest = readJson('test-results/vitest.json');
steps.push({
  name: 'vitest',
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests + (unit.ok || vitest.numFailedTests ? 0 : 1) : 1,
  skipped: (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0),
  seconds: unit.seconds,
  failures: (vitest?.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).filter((test) => test.status === 'failed').map((test) => `${file.name.replace(process.cwd() + '/', '')} › ${test.fullName}`),
  ),
});

// 3. End-to-end tests against the built site.
if (build.ok && existsSync('dist/index.html')) {
  rmSync('test-results/e2e.json', { force: true });
  const e2e = run('end-to-end tests (system Chromium)', 'playwright', ['test']);
  const report = readJson('test-results/e2e.json');
  const stats = report?.stats;
  steps.push({
    name: 'e2e',
    passed: stats ? stats.expected + stats.flaky : 0,
    failed: stats ? stats.unexpected + (e2e.ok || stats.unexpected ? 0 : 1) : 1,
    skipped: stats?.skipped ?? 0,
    seconds: e2e.seconds,
    failures: e2eFailures(report?.suites ?? []),
  });
} else {
  steps.push({ name: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: '0', note: 'not run: the build failed' });
}

// The failed tests by name, so that the last lines of a long log still say what broke.
function e2eFailures(suites, trail = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).filter((spec) => !spec.ok).map((spec) => `${spec.file}:${spec.line} › ${[...trail, suite.title, spec.title].filter(Boolean).slice(1).join(' › ')}`),
    ...e2eFailures(suite.suites ?? [], [...trail, suite.title]),
  ]);
}

console.log('\n=== summary');
for (const step of steps) {
  console.log(`${step.name.padEnd(8)} ${step.passed} passed, ${step.failed} failed, ${step.skipped} skipped (${step.seconds} s)${step.note ? ` — ${step.note}` : ''}`);
  for (const failure of step.failures ?? []) console.log(`  ✘ ${failure}`);
}
const passed = steps.reduce((sum, step) => sum + step.passed, 0);
const failed = steps.reduce((sum, step) => sum + step.failed, 0);
const skipped = steps.reduce((sum, step) => sum + step.skipped, 0);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
