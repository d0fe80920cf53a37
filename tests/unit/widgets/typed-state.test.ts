/**
 * Typed family state (issue 8, 7b). A family sees the state of its own table: numbers as numbers, choices as the
 * union of their options, and a misspelled key is a type error. The type assertions below are checked by
 * `tsc --noEmit -p .` (the CI's type step), the `@ts-expect-error` lines fail it the day they stop being errors;
 * the runtime tests check the one door between the shell's erased state and a family's (typed-state.ts).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { registry } from '@widgets/registry';
import { functionFit, type FunctionFitState } from '@widgets/function-fit/definition';
import { family as functionFitFamily } from '@widgets/function-fit/island';
import { functionFitPlan } from '@widgets/function-fit/plan';
import { learningRateSweep, type LearningRateSweepState } from '@widgets/learning-rate-sweep/definition';
import { controlStatus } from '@widgets/shell/applicability';
import { defineWidget, presetNames, presetState, shellParams } from '@widgets/shell/definition';
import { defineFamily, shellFamily, type FamilyView, type ShellFamily } from '@widgets/shell/family';
import { choiceParam, numberParam, type AnyState } from '@widgets/shell/params';
import type { RunPlan } from '@widgets/shell/run';
import { isStateOf, stateOf } from '@widgets/shell/typed-state';

/** A small family of its own: what its view was handed, and nothing drawn (no DOM needed). */
const tiny = defineWidget({
  family: 'tiny',
  trains: true,
  usesEngine: false,
  table: { ...shellParams(['one', 'two']), units: numberParam({ default: 4, min: 1, max: 8, step: 1, integer: true }), act: choiceParam(['relu', 'tanh'], 'relu') },
  presets: { one: {}, two: { units: 2, act: 'tanh' } },
  controls: ['units', 'act'],
  inapplicable: { act: (state) => (state.units === 1 ? 'noHiddenLayers' : null) },
});
const seen: unknown[] = [];
const tinyFamily = defineFamily(tiny, (): FamilyView<typeof tiny.table> => ({
  plan: (state): RunPlan => {
    seen.push(state);
    return { stepsPerEvent: state.units, runs: [] };
  },
  reset: (state) => void seen.push(state.act),
  onEvent: () => undefined,
  render: () => undefined,
  destroy: () => undefined,
}));
const context = {} as Parameters<ShellFamily['createView']>[0]; // the tiny view reads nothing from it

describe('typed family state (types, checked by tsc)', () => {
  it('a family sees numbers, option unions and its own keys', () => {
    const state = presetState(functionFit, 'relu-neurons');
    expectTypeOf(state).toEqualTypeOf<FunctionFitState>();
    expectTypeOf(state.width).toEqualTypeOf<number>();
    expectTypeOf(state.activation).toEqualTypeOf<'linear' | 'relu' | 'tanh' | 'sigmoid'>();
    expectTypeOf(state.target).toEqualTypeOf<'line' | 'sine' | 'plateaus'>();
    expectTypeOf(functionFitPlan).parameter(0).toEqualTypeOf<FunctionFitState>();
    expectTypeOf<Parameters<ReturnType<typeof functionFitFamily.createView>['reset']>[0]>().toEqualTypeOf<FunctionFitState>();
    expectTypeOf<LearningRateSweepState['rates']>().toEqualTypeOf<'listed' | 'log-range'>();
    // @ts-expect-error a misspelled key is not part of the state
    expect(state.widht).toBeUndefined();
    // @ts-expect-error a choice takes only its options
    const wrong: FunctionFitState = { ...state, activation: 'softplus' };
    expect(wrong.activation).toBe('softplus');
  });

  it('a typed family reaches the shell only through shellFamily', () => {
    // @ts-expect-error the view's plan takes FunctionFitState, not any state: no silent widening
    const widened: ShellFamily = functionFitFamily;
    expect(widened).toBe(functionFitFamily);
    // @ts-expect-error a plan typed by another table is refused
    defineFamily(learningRateSweep, () => ({ plan: functionFitPlan, reset: () => undefined, onEvent: () => undefined, render: () => undefined, destroy: () => undefined }));
    expectTypeOf(shellFamily(functionFitFamily)).toMatchTypeOf<ShellFamily>();
  });

  it('rules of `inapplicable` read the typed state and name keys of the table', () => {
    defineWidget({
      family: 'rules',
      trains: false,
      usesEngine: false,
      table: { ...shellParams(['a']), n: numberParam({ default: 1, min: 0, max: 2, step: 1 }) },
      presets: { a: {} },
      controls: ['n'],
      // @ts-expect-error `m` is not a parameter of this table
      inapplicable: { n: (state) => (state.n > 0 ? null : 'compared'), m: () => null },
    });
  });
});

describe('the door from the shell’s state to a family’s', () => {
  it('takes every preset of every family as it is', () => {
    for (const { definition } of registry)
      for (const preset of presetNames(definition)) {
        const state = presetState(definition, preset);
        expect(isStateOf(definition.table, state), `${definition.family}/${preset}`).toBe(true);
        expect(stateOf(definition.table, state)).toBe(state);
      }
  });

  it('refuses a missing key, an unknown key, a value out of range and an option not offered, naming them', () => {
    const { units: _units, ...missing } = presetState(tiny, 'one');
    const cases: [AnyState, RegExp][] = [
      [missing, /units \(missing\)/],
      [{ ...presetState(tiny, 'one'), unit: 3 }, /unit \(unknownParam\)/],
      [{ ...presetState(tiny, 'one'), units: 9 }, /units \(outOfRange\)/],
      [{ ...presetState(tiny, 'one'), units: 2.5 }, /units \(notInteger\)/],
      [{ ...presetState(tiny, 'one'), act: 'gelu' }, /act \(notAllowed\)/],
    ];
    for (const [state, message] of cases) {
      expect(isStateOf(tiny.table, state)).toBe(false);
      expect(() => stateOf(tiny.table, state)).toThrow(message);
    }
  });

  it('a shell view hands the family the checked state, and a bad one never reaches it', () => {
    seen.length = 0;
    const view = shellFamily(tinyFamily).createView(context);
    const two = presetState(tiny, 'two');
    view.reset(two);
    expect(view.plan(two).stepsPerEvent).toBe(2);
    expect(seen).toEqual(['tanh', two]);
    expect(() => view.plan({ ...two, act: 'gelu' })).toThrow(/act \(notAllowed\)/);
    expect(() => view.reset({ ...two, units: 0 })).toThrow(/units \(outOfRange\)/);
    expect(seen).toHaveLength(2);
  });

  it('the shell’s rules run the family’s typed rule on the checked state', () => {
    expect(controlStatus(tiny, 'act', { ...presetState(tiny, 'one'), units: 1 }).reason).toBe('noHiddenLayers');
    expect(controlStatus(tiny, 'act', presetState(tiny, 'two')).reason).toBeNull();
    expect(() => controlStatus(tiny, 'act', { ...presetState(tiny, 'two'), units: 'many' })).toThrow(/units \(badValue\)/);
  });
});
