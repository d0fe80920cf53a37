/**
 * Deterministic replay of one reported experiment: the family's own view turns the recorded settings into
 * runs, the shell's Driver trains them to the end with the engine on the recorded backend setting, and the
 * numbers the view exposes are compared with the report's. No DOM is shown (the view draws into a detached
 * element); divergence ends the replay as it ends the widget.
 */
import type { EngineEvent } from '@engine/types';
import { allDefinitions } from '@widgets/definitions';
import { Driver } from '@widgets/shell/driver';
import { engineRun } from '@widgets/shell/engine-run';
import { familyLoaders } from '@widgets/shell/loaders';
import type { FamilyName } from '@widgets/shell/definition';
import { decodeState, linkScope } from '@widgets/shell/permalink';
import type { AnyState } from '@widgets/shell/params';
import type { RunSpec } from '@widgets/shell/run';
import { numberFormatter, type WidgetStrings } from '@widgets/shell/text';
import { datasetKey } from '../exercises/outcome';
import { resultNumbers } from '../exercises/run-outcome';

export interface Replayed {
  outcome: 'done' | 'failed';
  reason?: string;
  backend: string;
  numbers: Record<string, string>;
}

const WASM_PATH = '/tfjs-wasm/';

export async function replay(family: string, payload: string, strings: WidgetStrings, locale: string): Promise<Replayed> {
  const definition = allDefinitions.find((candidate) => candidate.family === family);
  if (!definition) throw new Error(`unknown family ${family}`);
  const decoded = decodeState(definition, payload, linkScope(definition, '', true));
  if (!decoded.ok) throw new Error('bad settings');
  const state: AnyState = { ...decoded.state, speed: 'fast' };
  const { family: loaded } = await familyLoaders[family as FamilyName]();
  const exposed: Record<string, string> = {};
  let backend = '';
  let driver: Driver | null = null;
  const view = loaded.createView({
    plotArea: document.createElement('div'),
    readout: document.createElement('p'),
    strings,
    locale,
    format: numberFormatter(locale),
    reducedMotion: true,
    expose: (name, value) => void (exposed[datasetKey(name)] = String(value)),
    requestCheckpoint: (runIndex) => driver?.save(runIndex),
  });
  view.reset(state);
  const plan = view.plan(state);
  const diverged = new Set<string>();
  let members = 0;
  const createRun = (spec: RunSpec | undefined, emit: (event: EngineEvent) => void) => {
    if (!spec) throw new Error('run index out of range');
    if (spec.kind === 'local') return spec.create(emit);
    const config = { ...spec.config, runtime: { ...spec.config.runtime, backend: String(state.backend) as 'auto', wasmPath: WASM_PATH } };
    return engineRun(config, emit, spec.prepare);
  };
  try {
    return await new Promise<Replayed>((resolve, reject) => {
      const finish = (outcome: 'done' | 'failed', reason?: string) => {
        driver?.destroy();
        resolve({ outcome, ...(reason ? { reason } : {}), backend, numbers: resultNumbers(exposed) });
      };
      const allDiverged = () => !plan.divergenceEndsRun && members > 0 && diverged.size >= members * Math.max(1, plan.runs.length);
      driver = new Driver(plan, 'fast', (index, emit) => createRun(plan.runs[index], emit), {
        onEvent: (index, event) => {
          try {
            view.onEvent(index, event);
          } catch (error) {
            reject(error);
          }
          if (event.type === 'backend') backend = event.name;
          else if (event.type === 'progress') {
            members = Math.max(members, event.members.length);
            exposed.step = String(event.step);
            if (allDiverged()) finish('failed', 'diverged');
          } else if (event.type === 'diverged') {
            diverged.add(`${index}:${event.member}`);
            if (allDiverged()) finish('failed', 'diverged');
          } else if (event.type === 'error') reject(new Error(event.code));
        },
        onFinished: () => (allDiverged() ? finish('failed', 'diverged') : finish('done')),
      });
      driver.play();
    });
  } finally {
    view.destroy();
  }
}
