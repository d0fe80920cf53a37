/**
 * What a widget family declares, in a module light enough for the .astro wrapper to import at build time:
 * its parameter table and its named presets. Every family's table also holds the shell's own parameters
 * (preset, seed, backend, speed), so a permalink captures the whole run.
 */
import { choiceParam, defaultsOf, numberParam, type AnyState, type StateOf, type StateTable } from './params';
import { checkState, type Problem } from './validate';
import type { FamilyName } from '../registry';
import type { InapplicableRules, TypedRules } from './applicability';
import { stateOf } from './typed-state';

export const backendChoices = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendSetting = (typeof backendChoices)[number];
export const speedChoices = ['slow', 'normal', 'fast'] as const;
export type Speed = (typeof speedChoices)[number];

/** Family keys come from the one list of families (registry.ts); a type-only import, so no runtime cycle. */
export type { FamilyName } from '../registry';

/** Shell parameters present in every widget. */
export function shellParams<const Preset extends string>(presets: readonly Preset[]) {
  return {
    preset: choiceParam(presets, presets[0] as Preset),
    seed: numberParam({ default: 1, min: 1, max: 99999, step: 1, integer: true }),
    backend: choiceParam(backendChoices, 'auto'),
    speed: choiceParam(speedChoices, 'normal'),
  };
}

export type ShellParams = ReturnType<typeof shellParams<string>>;

/** `Name` is inferred from the literal in each definition (never from FamilyName: registry.ts derives that from them). */
export interface WidgetDefinition<Table extends StateTable = StateTable, Name extends string = FamilyName> {
  family: Name;
  /** Does this widget train (play/pause, backend, status line) or is it a static explorer? */
  trains: boolean;
  /** Does it run the engine (tfjs)? Plain-TS widgets ignore the backend setting. */
  usesEngine: boolean;
  /**
   * Does the view own a control the reader needs before any run (a benchmark's run button)? Then the live view
   * shows as soon as it mounts, in place of the pre-rendered result, which drops such `.dp-live-only` parts.
   */
  liveAtMount?: boolean;
  /**
   * Nothing trains: its runs only ask the engine questions (RunSpec `probe`) and answer in a moment. The main button
   * says Evaluate (no step button), and a changed setting runs again at once instead of waiting for it.
   */
  probes?: boolean;
  table: Table;
  /** Preset name → values that differ from the table defaults. Order = order shown. */
  presets: Record<string, Partial<StateOf<Table>>>;
  /** Parameters the reader may change in this widget (others are fixed by the preset and not shown). */
  controls: readonly string[];
  /** Presets that use only some of `controls` (each a subset of it); a preset not listed uses them all. */
  presetControls?: Readonly<Record<string, readonly string[]>>;
  /**
   * Widget instances (by id) that show a variant of the preset the lesson names: `{ of, preset }`. An exercise's
   * widget may add what its question asks about, which the lesson's widget must not give away. The variant is a
   * preset of its own, so it is validated, pre-rendered and linked like any other.
   */
  instancePresets?: Readonly<Record<string, { of: string; preset: string }>>;
  /** Controls that do nothing in some states, each with its reason (applicability.ts): shown disabled there. */
  inapplicable?: InapplicableRules;
  /**
   * The preset's name is the answer the widget asks for (the debugging lab's bug presets). Every preset is then
   * written in a link as `linkAs` with its own settings (a preset of the same table that differs only in them),
   * and such a link is read back as the embedded preset when it names the same settings; the backend badge names
   * the backend only, without the compute path or the speed (a path that declines a bug would name it).
   */
  concealed?: { linkAs: string };
}

/**
 * Checks at compile time that `controls` name keys of the table (kept out of the interface: keyof is
 * contravariant), and takes the `inapplicable` rules on the family's typed state (each state checked on its way in).
 */
export function defineWidget<const Table extends StateTable, const Name extends string>(
  definition: Omit<WidgetDefinition<Table, Name>, 'inapplicable'> & { controls: readonly (keyof Table & string)[]; inapplicable?: TypedRules<Table> },
): WidgetDefinition<Table, Name> {
  const { inapplicable, ...rest } = definition;
  if (!inapplicable) return rest;
  const rules = Object.entries(inapplicable).flatMap(([key, rule]) => (rule ? [[key, (state: AnyState) => rule(stateOf(definition.table, state))] as const] : []));
  return { ...rest, inapplicable: Object.fromEntries(rules) };
}

/** The family's controls that apply to `preset` (all of them when the preset does not narrow them). */
export function presetControlKeys(definition: WidgetDefinition, preset: string | undefined): readonly string[] {
  return (preset !== undefined ? definition.presetControls?.[preset] : undefined) ?? definition.controls;
}

export function presetNames(definition: WidgetDefinition): string[] {
  return Object.keys(definition.presets);
}

/** The preset a widget instance shows: its declared variant (`instancePresets`) or the one the lesson names. */
export function instancePreset(definition: WidgetDefinition, id: string, named: string): string {
  const instance = definition.instancePresets?.[id];
  if (instance && instance.of !== named) throw new Error(`Widget id "${id}" is declared for preset "${instance.of}", not "${named}".`);
  return instance?.preset ?? named;
}

/** Full state of a preset: table defaults, then the preset's values, with `preset` set to its name. */
export function presetState<Table extends StateTable>(definition: WidgetDefinition<Table, string>, preset: string): StateOf<Table> {
  const values = definition.presets[preset];
  if (!values) throw new Error(`Unknown preset "${preset}" for ${definition.family}. Allowed: ${Object.keys(definition.presets).join(', ')}`);
  return { ...defaultsOf(definition.table), ...values, preset };
}

/** Validates every preset against the table (used by unit tests and at build time). */
export function checkPresets(definition: WidgetDefinition): Problem[] {
  const stray = Object.entries(definition.presetControls ?? {}).flatMap(([preset, keys]) =>
    keys.filter((key) => !definition.controls.includes(key) || !(preset in definition.presets)).map((key): Problem => ({ code: 'unknownParam', param: `${preset}.${key}` })));
  const instances = Object.entries(definition.instancePresets ?? {}).filter(([, { of, preset }]) => !(of in definition.presets) || !(preset in definition.presets))
    .map(([id]): Problem => ({ code: 'unknownParam', param: `instancePresets.${id}` }));
  const rules = Object.keys(definition.inapplicable ?? {}).filter((key) => !definition.controls.includes(key)).map((key): Problem => ({ code: 'unknownParam', param: `inapplicable.${key}` }));
  return [...stray, ...instances, ...rules, ...presetNames(definition).flatMap((name) => checkState(definition.table, presetState(definition, name)))];
}
