/**
 * A widget run that trains nothing (RunSpec `probe`, shell/engine-run.ts) on the real engine client in Node: the
 * prepared weights arrive first, then the probe's replies, then `done`; no progress event (no step), one Run
 * asks once however often it is pressed, an engine error ends it with that error, and a cancelled run is silent.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '@engine/telemetry';
import { PRETRAINED_CONFIGS, loadPretrained } from '@engine/pretrained';
import { pruneCheckpoint } from '@engine/train/prune';
import { engineRun } from '@widgets/shell/engine-run';

const config = { ...PRETRAINED_CONFIGS['digits-mlp'], population: { size: 2 }, runtime: { backend: 'cpu' as const } };
const prepare = async () => pruneCheckpoint(await loadPretrained('digits-mlp'), [0, 0.9]).checkpoint;

function collect() {
  const events: EngineEvent[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const emit = (event: EngineEvent) => {
    events.push(event);
    if ((event.type === 'state' && event.state === 'done') || event.type === 'error') done();
  };
  return { events, emit, finished };
}

describe('probe runs', () => {
  it('restores the prepared weights, asks once, reports the replies and ends without a step', async () => {
    const { events, emit, finished } = collect();
    let asked = 0;
    const run = engineRun(config, emit, prepare, async (engine) => {
      asked += 1;
      const evaluation = await engine.evaluate('validation');
      expect(evaluation.members).toHaveLength(2);
      const prediction = await engine.predict([new Array<number>(784).fill(0)]);
      expect(prediction.predictions[1]![0]).toHaveLength(10);
    });
    run.step(1);
    run.step(1);
    run.start();
    await finished;
    run.cancel();
    expect(asked).toBe(1);
    const types = events.map((e) => e.type);
    expect(types).not.toContain('progress');
    const order = ['checkpoint', 'evaluation', 'prediction'].map((type) => types.indexOf(type as EngineEvent['type']));
    expect(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1]!))).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'done' });
    const checkpoint = events.find((e): e is Extract<EngineEvent, { type: 'checkpoint' }> => e.type === 'checkpoint')!;
    expect(checkpoint.checkpoint.members[1]!['hidden/kernel']!.data.filter((v) => v === 0).length).toBe(Math.round(784 * 32 * 0.9));
    const evaluation = events.find((e): e is Extract<EngineEvent, { type: 'evaluation' }> => e.type === 'evaluation')!;
    expect(evaluation.members[0]!.accuracy).toBeCloseTo(0.865, 6);
  });

  it('an engine error rejects the pending question and ends the run with it', async () => {
    const { events, emit, finished } = collect();
    const run = engineRun(config, emit, prepare, async (engine) => void (await engine.predict([[1, 2, 3]])));
    run.start();
    await finished;
    run.cancel();
    const errors = events.filter((e) => e.type === 'error');
    expect(errors[0]).toMatchObject({ code: 'bad_inputs' });
    expect(events.some((e) => e.type === 'state' && e.state === 'done')).toBe(false);
  });

  it('a run cancelled before it starts asks nothing', async () => {
    const { events, emit } = collect();
    let asked = false;
    const run = engineRun(config, emit, prepare, async () => void (asked = true));
    run.cancel();
    run.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asked).toBe(false);
    expect(events).toEqual([]);
  });
});
