// Widget performance: runs the Playwright measurements (tests/e2e/widgets-perf.spec.ts) against the built
// site and prints the measurements in test-results/widgets-bench/. `--print` only prints the last measurements.
// One worker, so that nothing else competes for the main thread while long tasks are measured.
// Needs `npm run build` first. Called by `npm run bench` (scripts/bench.mjs) or on its own.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const RESULTS = process.env.WIDGETS_BENCH_DIR ?? 'test-results/widgets-bench';

if (!process.argv.includes('--print')) {
  const run = spawnSync('npx', ['--no-install', 'playwright', 'test', 'tests/e2e/widgets-perf.spec.ts', '--reporter=line', '--workers=1'], { stdio: 'inherit' });
  if (run.status !== 0) console.warn('widget perf measurements had failures (see above); printing what was recorded');
}

// One JSON file per measurement, written by tests/e2e/widgets-perf.spec.ts.
const results = {};
try {
  for (const name of readdirSync(RESULTS).filter((file) => file.endsWith('.json'))) {
    results[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(`${RESULTS}/${name}`, 'utf8'));
  }
} catch {
  // reported below
}
if (Object.keys(results).length === 0) {
  console.error(`no measurements in ${RESULTS}/`);
  process.exit(1);
}
results.measuredAt = Object.values(results).map((value) => value.measuredAt).sort().pop();

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'within budget' : 'OVER BUDGET');
const rows = [];
if (results.jsBeforeWidgets) {
  const { gzipBytes, budgetBytes, page } = results.jsBeforeWidgets;
  rows.push([`JS before any widget loads (${page}, gzip)`, kb(gzipBytes), `≤ ${kb(budgetBytes)}`, verdict(gzipBytes <= budgetBytes)]);
}
if (results.longTasksWhileTraining) {
  const { budgetMs, ...cases } = results.longTasksWhileTraining;
  for (const [name, value] of Object.entries(cases)) {
    if (typeof value?.maxCpuMs !== 'number') continue;
    rows.push([`longest main-thread task, CPU (${name})`, `${value.maxCpuMs} ms (wall: ${value.longTasksWall} over 50 ms)`, `≤ ${budgetMs} ms`, verdict(value.maxCpuMs <= budgetMs)]);
  }
}
if (results.playToFirstPoint) {
  const { budgetMs, widget: _widget, measuredAt: _measuredAt, ...byBackend } = results.playToFirstPoint;
  for (const [backend, ms] of Object.entries(byBackend)) {
    if (typeof ms !== 'number') continue;
    rows.push([`play → first plotted point (${backend})`, `${ms} ms`, `≤ ${budgetMs} ms`, verdict(ms <= budgetMs)]);
  }
}
console.log(`\nWidget performance (measured ${results.measuredAt ?? 'unknown'}):`);
for (const [name, value, budget, status] of rows) console.log(`  ${name.padEnd(58)} ${String(value).padEnd(26)} ${budget.padEnd(18)} ${status}`);
