/** DebugLab (docs/project-lifecycle/outline.md, «Experiment `debugging-lab`»): each bug preset's plan plants exactly
 * its fault in the case and nothing in the run beside it; nothing the page shows before the verdict (card, task line,
 * rate, link, default id) differs between the bugs; the verdict and «predict again» say what they should. */
import { describe, expect, it } from 'vitest';
import { FAULT_KEYS, type FaultKey } from '@engine/faults';
import { validateConfig } from '@engine/validate';
import type { ProgressEvent } from '@engine/types';
import { intlLocale, strings } from '@i18n/index';
import { cardRows } from '@widgets/project-lab/card';
import { BUG_CASES, caseBug, nextCase } from '@widgets/debug-lab/cases';
import { debugLab, debugLabPresets, presetCaseId, type DebugLabState } from '@widgets/debug-lab/definition';
import { verdictOf } from '@widgets/debug-lab/picker';
import { fixedRun, labPlan, labRun, withProjectRate } from '@widgets/debug-lab/plan';
import { comparePredictions } from '@widgets/debug-lab/predictions';
import { presetState } from '@widgets/shell/definition';
import { decodeState, encodeState, linkScope } from '@widgets/shell/permalink';
import { describeTask } from '@widgets/shell/task';

const LANGS = ['pt', 'ru', 'zh'] as const;
const state = (preset: string, change: Partial<DebugLabState> = {}): DebugLabState => ({ ...presetState(debugLab, preset), ...change });

describe('DebugLab plans', () => {
  it.each(FAULT_KEYS)('%s: the case carries exactly that fault, the fixed run beside it none, the prediction run the case', (key) => {
    const plan = labPlan(state(key));
    expect(plan.bug).toBe(key);
    expect(plan.runs.map((run) => run.role)).toEqual(['case', 'predictions']);
    const [caseRun, predictions] = plan.runs;
    expect(caseRun!.config.faults).toEqual([key]);
    expect(caseRun!.config.runtime).toEqual({ lab: true });
    expect(validateConfig(caseRun!.config).faults).toEqual([key]);
    expect(predictions!.config).toBe(caseRun!.config);
    expect(predictions!.probe).toBeTypeOf('function');
    expect(plan.divergenceEndsRun).toBe(true);
    // The case is the project model: only `faults` and `runtime` tell it from the healthy one.
    const { faults, runtime, ...rest } = caseRun!.config;
    expect(rest).toEqual(labRun({ seed: 1, epochs: 15 }));
    const fixed = labPlan(state(key, { fix: 'on' }));
    expect(fixed.runs.map((run) => run.role)).toEqual(['case', 'beside', 'predictions']);
    expect(fixed.runs[0]!.config).toEqual(caseRun!.config);
    expect(fixed.runs[1]!.config.faults).toBeUndefined();
    expect(validateConfig(fixed.runs[1]!.config).faults).toEqual([]);
  });

  it('the project model with the dashboard telemetry: 784-32-10, Adam 0.001, batch 32, one member from the seed, 15 epochs', () => {
    const config = labPlan(state('random-case', { seed: 7 })).runs[0]!.config;
    expect(config.model.layers.map((layer) => (layer.type === 'dense' ? [layer.units, layer.activation] : []))).toEqual([[32, 'relu'], [10, 'softmax']]);
    expect(config.training).toMatchObject({ loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 32, epochs: 15, seed: 7 });
    expect(config.population).toEqual({ size: 1, members: [{ seed: 7 }] });
    expect(config.telemetry).toMatchObject({ every: 10, validation: true, layerStats: true, activationStats: true, histogramBins: 30, preActivationHistograms: true });
  });

  it('«show the fix»: the network without its bug beside the case (dropout kept for training, standardization with the training statistics)', () => {
    expect(labPlan(state('zero-init', { fix: 'on' })).runs[1]!.config).toEqual(labRun({ seed: 1, epochs: 15 }));
    const dropout = fixedRun('dropout-at-inference', 1, 15);
    expect(dropout.model.layers[0]).toMatchObject({ dropout: 0.5 });
    expect(dropout.faults).toBeUndefined();
    expect(fixedRun('validation-own-statistics', 1, 15).dataset).toEqual({ kind: 'digits', seed: 1, scaleInputs: true });
    expect(labPlan(state('dropout-at-inference', { fix: 'on' })).runs[1]!.config).toEqual(dropout);
  });
});

describe('DebugLab cases', () => {
  it('every bug has an exercise preset whose case draws it; random-case starts at case 1', () => {
    expect(debugLabPresets[0]).toBe('random-case');
    expect([...debugLabPresets.slice(1)].sort()).toEqual([...FAULT_KEYS].sort());
    for (const key of FAULT_KEYS) expect(caseBug(state(key).case)).toBe(key);
    expect(state('random-case').case).toBe(1);
    expect(nextCase(1)).toBe(2);
  });

  it('case numbers draw every bug, about equally often', () => {
    const counts = new Map<FaultKey, number>();
    for (let n = 1; n <= 800; n++) counts.set(caseBug(n), (counts.get(caseBug(n)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...FAULT_KEYS].sort());
    for (const count of counts.values()) expect(count).toBeGreaterThan(60);
  });

  it('each exercise preset is named in every language by its case number, never by its bug', () => {
    for (const lang of LANGS) {
      const t = strings(lang).widgets;
      for (const key of FAULT_KEYS) {
        const name = t.presets[key];
        expect(name).toContain(String(BUG_CASES[key]));
        for (const other of FAULT_KEYS) expect(name).not.toContain(t.debugLab.bugs[other].name);
      }
    }
  });
});

describe('DebugLab hides its bug', () => {
  it('card, task line and default id say the same for every bug (in pt, ru and zh)', () => {
    for (const lang of LANGS) {
      const t = strings(lang).widgets;
      const shown = FAULT_KEYS.map((key) => {
        const plan = labPlan(state(key));
        const card = cardRows({ stepsPerEvent: plan.stepsPerEvent, runs: [{ ...plan.runs[0]!, arms: ['case'] }] }, t, intlLocale(lang));
        return JSON.stringify([card, describeTask(plan, t, intlLocale(lang))]);
      });
      expect(new Set(shown).size).toBe(1);
    }
    for (const key of FAULT_KEYS) expect(presetCaseId(key)).toBe(`debuglab-case-${BUG_CASES[key]}`);
  });

  it('a link names the case, never the bug, and reads back as the exercise preset in its lesson', () => {
    for (const key of FAULT_KEYS) {
      const link = encodeState(debugLab, state(key, { seed: 3 }));
      expect(link).toContain(`preset:random-case,seed:3,case:${BUG_CASES[key]}`);
      for (const other of FAULT_KEYS) expect(link).not.toContain(other);
      const decoded = decodeState(debugLab, link, linkScope(debugLab, key, false));
      expect(decoded).toEqual({ ok: true, state: state(key, { seed: 3 }) });
      // The Lab takes the same link as the random case with that number: the same run.
      const lab = decodeState(debugLab, link, linkScope(debugLab, 'random-case', true));
      expect(lab.ok && caseBug(Number(lab.state.case))).toBe(key);
    }
    // Another case typed into an exercise's link is that case (a visible control), not the exercise.
    const other = decodeState(debugLab, 'preset:random-case,seed:1,case:9', linkScope(debugLab, 'zero-init', false));
    expect(other.ok && other.state.preset).toBe('random-case');
  });

  it('the views see the project rate, never the ×100 the engine trains with', () => {
    const event = { type: 'progress', step: 10, epoch: 0.5, members: [{ learningRate: 0.1, trainLoss: 1, diverged: false }] } as unknown as ProgressEvent;
    expect(withProjectRate(event).members[0]!.learningRate).toBe(0.001);
  });
});

describe('DebugLab verdict and «predict again»', () => {
  it('right names the bug and explains it; wrong adds what the pick would have looked like', () => {
    const t = strings('pt').widgets;
    const right = verdictOf('zero-init', 'zero-init', t);
    expect(right.right).toBe(true);
    expect(right.lines).toEqual([expect.stringContaining(t.debugLab.bugs['zero-init'].name), t.debugLab.bugs['zero-init'].explain]);
    const wrong = verdictOf('learning-rate-x100', 'zero-init', t);
    expect(wrong.right).toBe(false);
    expect(wrong.lines).toHaveLength(3);
    expect(wrong.lines[2]).toContain(t.debugLab.bugs['learning-rate-x100'].looks);
  });

  it('compares two passes: changed answers and the largest probability change; NaN weights compare as lost', () => {
    const a = [[0.9, 0.1], [0.2, 0.8]];
    expect(comparePredictions(a, a)).toEqual({ changed: 0, digits: 2, largestChange: 0 });
    const b = [[0.3, 0.7], [0.2, 0.8]];
    const compared = comparePredictions(a, b);
    expect(compared.changed).toBe(1);
    expect(compared.largestChange).toBeCloseTo(0.6);
    expect(comparePredictions([[NaN, NaN]], [[NaN, NaN]]).largestChange).toBeNaN();
  });
});
