/**
 * Compares results.json files written by scripts/gpu/webgpu-matmul-check.mjs on different adapters and prints
 * a Markdown table: for each case and poison, the members that raw tfjs corrupted under each matMul program,
 * per adapter, and the safe mode's verdict.
 *
 *   node scripts/gpu/compare-results.mjs NAME=results.json NAME=results.json ...
 */
import { readFileSync } from 'node:fs';

const runs = process.argv.slice(2).map((spec) => {
  const [name, file] = spec.split('=');
  return { name, data: JSON.parse(readFileSync(file, 'utf8')) };
});
const typeName = { '-1': 'tfjs pick', 0: 'reduce', 2: 'small-output', 3: 'packed' };
const key = (r) => `${r.case}|${r.poison}|${r.programType}|${r.mode}`;
const index = runs.map((run) => new Map(run.data.rows.map((r) => [key(r), r])));
const first = runs[0].data.rows.filter((r) => r.mode === 'raw');

console.log(`| case | poison | program | ${runs.map((r) => `raw: members corrupted (${r.name})`).join(' | ')} | safe: worst error, healthy members |`);
console.log(`|---|---|---|${runs.map(() => '---|').join('')}---|`);
let differences = 0;
for (const row of first) {
  const cells = index.map((map) => {
    const r = map.get(key(row));
    return r ? (r.spreadTo.length ? r.spreadTo.join(', ') : '—') : 'n/a';
  });
  if (new Set(cells).size > 1) differences++;
  const safe = index.map((map) => map.get(key({ ...row, mode: 'safe' }))).filter(Boolean);
  const worst = Math.max(...safe.map((r) => r.healthyMaxError));
  const nonFinite = safe.reduce((s, r) => s + r.healthyNonFinite, 0);
  const picked = row.programs.find((p) => p.startsWith('MatMul'))?.replace(/Program.*/, '') ?? '';
  const program = row.programType === -1 ? `${typeName[-1]} (${picked})` : typeName[row.programType];
  console.log(`| ${row.case} (sick member ${row.sick}) | ${row.poison} | ${program} | ${cells.join(' | ')} | ${worst.toExponential(1)}${nonFinite ? `, ${nonFinite} not finite` : ''} |`);
}
console.log(`\n${first.length} raw runs compared; ${differences} differ between adapters.`);
for (const run of runs) console.log(`- ${run.name}: ${JSON.stringify(run.data.summary.adapter)}; raw runs with spread ${run.data.summary.rawRunsWithSpread}/${run.data.summary.rawRuns}; safe runs not exact ${run.data.summary.safeRunsNotExact}/${run.data.summary.safeRuns}, worst error ${run.data.summary.safeWorstError.toExponential(2)}`);
