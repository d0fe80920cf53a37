/**
 * Engine benchmark (not a test): examples/s and wall time on the cpu and wasm backends in Node, side by side
 * with the plain TypeScript reference trainer on the same work. Run with `npm run bench`.
 * Timings depend on the machine and its load; the load average is printed with them.
 */
import { loadavg } from 'node:os';
import { activate, setWasmPath } from '../src/engine/backends';
import type { RunConfig } from '../src/engine/config';
import { ReferenceMLP } from '../src/engine/reference/mlp-reference';
import * as tf from '../src/engine/tf';
import { TrainingSession } from '../src/engine/train/session';

interface Workload {
  name: string;
  config: RunConfig;
  steps: number;
  /** Seconds allowed on wasm (the goals), if any. */
  goalSeconds?: number;
}

const tanhNet = (outputs: number, inputs: number, hidden: number[]): RunConfig['model'] => ({
  inputShape: [inputs],
  layers: [...hidden.map((units) => ({ type: 'dense' as const, units, activation: 'tanh' as const })), { type: 'dense', units: outputs, activation: outputs === 1 ? 'sigmoid' : 'softmax' }],
});

const spiral: RunConfig['dataset'] = { kind: 'classification2d', shape: 'spiral', count: 250, split: { train: 1, validation: 0, test: 0 } };
const rates = Array.from({ length: 16 }, (_, i) => 0.001 * 10 ** (i / 5)); // 0.001 … ~1

const workloads: Workload[] = [
  {
    name: '2-8-8-1 tanh, batch 10, spiral 250, 20 epochs',
    config: { model: tanhNet(1, 2, [8, 8]), training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.03 }, batchSize: 10, seed: 1 }, dataset: spiral },
    steps: 20 * 25,
  },
  {
    name: 'LR sweep: 16 rates as one population, batch 10, 200 epochs',
    config: {
      model: tanhNet(1, 2, [8, 8]),
      training: { loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.03 }, batchSize: 10, seed: 1 },
      dataset: spiral,
      population: { size: 16, members: rates.map((learningRate) => ({ learningRate })) },
    },
    steps: 200 * 25,
    goalSeconds: 1,
  },
  {
    name: 'bias-variance ensemble: 64 members 1-16-16-1, fresh samples, full batch, 300 steps',
    config: {
      model: { inputShape: [1], layers: [{ type: 'dense', units: 16, activation: 'tanh' }, { type: 'dense', units: 16, activation: 'tanh' }, { type: 'dense', units: 1 }] },
      training: { loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.05 }, batchSize: 100, seed: 1 },
      dataset: { kind: 'function1d', fn: 'sine', count: 100, noise: 0.3, split: { train: 1, validation: 0, test: 0 } },
      population: { size: 64, members: Array.from({ length: 64 }, (_, i) => ({ seed: i + 1 })), dataSubset: { type: 'fresh' } },
    },
    steps: 300,
    goalSeconds: 1,
  },
  {
    name: 'digits MLP 784-64-10, batch 32, 1 epoch on the shipped subset (700 train)',
    config: {
      model: { inputShape: [784], layers: [{ type: 'dense', units: 64, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] },
      training: { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, batchSize: 32, seed: 1 },
      dataset: { kind: 'digits' },
    },
    steps: 22,
  },
];

interface Timing {
  seconds: number;
  examplesPerSecond: number;
}

function examples(session: { batchSize: number; data: { count: number }; members: number }, steps: number): number {
  // Full epochs of N rows plus the rest; every member sees its own examples.
  const perEpochSteps = Math.ceil(session.data.count / session.batchSize);
  const full = Math.floor(steps / perEpochSteps) * session.data.count;
  const rest = Math.min(session.data.count, (steps % perEpochSteps) * session.batchSize);
  return (full + rest) * session.members;
}

async function timeEngine(w: Workload): Promise<Timing> {
  const start = performance.now();
  const session = await TrainingSession.create(w.config);
  session.runSteps(w.steps, false);
  await (session.params.values().next().value as tf.Tensor).data(); // wait for the work to finish
  const seconds = (performance.now() - start) / 1000;
  const count = examples(session, w.steps);
  session.dispose();
  return { seconds, examplesPerSecond: count / seconds };
}

async function timeReference(w: Workload): Promise<Timing> {
  const members = w.config.population?.members ?? [{}];
  const start = performance.now();
  let count = 0;
  for (const member of members) {
    const config: RunConfig = { ...w.config, population: { size: 1, members: [member], ...(w.config.population?.dataSubset ? { dataSubset: w.config.population.dataSubset } : {}) } };
    const reference = await ReferenceMLP.create(config);
    for (let i = 0; i < w.steps; i++) reference.trainStep();
    count += examples({ batchSize: reference.batchSize, data: { count: (reference as unknown as { data: { count: number } }).data.count }, members: 1 }, w.steps);
  }
  const seconds = (performance.now() - start) / 1000;
  return { seconds, examplesPerSecond: count / seconds };
}

const fmt = (t: Timing) => `${t.seconds.toFixed(2).padStart(7)} s ${(t.examplesPerSecond / 1e3).toFixed(1).padStart(7)} k ex/s`;

async function main(): Promise<void> {
  setWasmPath(`${process.cwd()}/node_modules/@tensorflow/tfjs-backend-wasm/dist/`);
  console.log(`Deep Practice engine benchmark — Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log('columns: wall time and examples/s; ratio = engine examples/s ÷ plain-TypeScript reference examples/s\n');
  const header = `${'workload'.padEnd(84)} | ${'cpu'.padEnd(24)} | ${'wasm'.padEnd(24)} | ${'TS reference'.padEnd(24)} | cpu/ref | wasm/ref`;
  console.log(header);
  console.log('-'.repeat(header.length));
  const goals: string[] = [];
  for (const w of workloads) {
    const row: Record<string, Timing> = {};
    for (const backend of ['cpu', 'wasm'] as const) {
      if (!(await activate(backend))) throw new Error(`backend ${backend} failed`);
      await timeEngine({ ...w, steps: Math.min(w.steps, 20) }); // warm-up: kernels compiled, JIT warm
      row[backend] = await timeEngine(w);
    }
    row.reference = await timeReference(w);
    const ratio = (t: Timing) => (t.examplesPerSecond / row.reference!.examplesPerSecond).toFixed(2).padStart(7);
    console.log(`${w.name.padEnd(84)} | ${fmt(row.cpu!)} | ${fmt(row.wasm!)} | ${fmt(row.reference!)} | ${ratio(row.cpu!)} | ${ratio(row.wasm!)}`);
    if (w.goalSeconds !== undefined) {
      const wasm = row.wasm!.seconds;
      goals.push(
        wasm <= w.goalSeconds
          ? `GOAL MET    ${w.name}: wasm ${wasm.toFixed(2)} s <= ${w.goalSeconds} s`
          : `GOAL MISSED ${w.name}: wasm ${wasm.toFixed(2)} s, ${(wasm - w.goalSeconds).toFixed(2)} s (${(wasm / w.goalSeconds).toFixed(2)}x) over ${w.goalSeconds} s`,
      );
    }
  }
  console.log(`\n${goals.join('\n')}`);
  console.log('\nWhat limits the tfjs numbers:');
  console.log('- small batches (single net, sweep): a fixed cost per op (engine bookkeeping + kernel dispatch, tens of µs on a');
  console.log('  loaded 2-core machine); one SGD step of 2-8-8-1 is 31 ops with the hand-derived backward pass (vs ~110 with');
  console.log('  autodiff), so the sweep is op-bound and a population amortizes that cost over its members;');
  console.log('- the ensemble (64 × 100 × 16 activations per layer) is compute-bound in two wasm kernels, measured with');
  console.log('  tf.profile: Tanh over 102k values ≈ 2.8 ms (scalar libm, no SIMD) and BatchMatMul 64 × (100×16 · 16×16)');
  console.log('  ≈ 3.4 ms (per-batch overhead of tiny matrices), out of ~13 ms a step.');
}

await main();
