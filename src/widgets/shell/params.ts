/**
 * One widget's state is one typed table of parameters. Defaults, ranges, units and validation live here;
 * the controls, the URL permalink and the run configuration are all derived from it.
 */

/** Units shown next to a control; keys of `widgets.units` in the language files. */
export type UnitName = 'none' | 'epochs' | 'neurons' | 'layers' | 'points' | 'steps' | 'members' | 'seconds';

export interface NumberParam {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  /** Slider step (ignored for log sliders, which move by decades/10). */
  step: number;
  integer?: boolean;
  /** Log scale slider (learning rates). */
  log?: boolean;
  unit?: UnitName;
}

export interface ChoiceParam<Option extends string = string> {
  kind: 'choice';
  default: Option;
  options: readonly Option[];
}

export type ParamSpec = NumberParam | ChoiceParam;
export type StateTable = Record<string, ParamSpec>;

/** The state a table describes: numbers for number params, the option union for choices. */
export type StateOf<Table extends StateTable> = { [Key in keyof Table]: ValueOf<Table[Key]> };

/** Distributes over unions, so the erased `StateTable` maps to `number | string`. */
export type ValueOf<Spec> = Spec extends ChoiceParam<infer Option> ? Option : number;

export type StateValue = number | string;
export type AnyState = Record<string, StateValue>;

export function numberParam(spec: Omit<NumberParam, 'kind'>): NumberParam {
  return { kind: 'number', ...spec };
}

export function choiceParam<const Option extends string>(options: readonly Option[], defaultOption: Option): ChoiceParam<Option> {
  return { kind: 'choice', options, default: defaultOption };
}

export function defaultsOf<Table extends StateTable>(table: Table): StateOf<Table> {
  const state: AnyState = {};
  for (const [key, spec] of Object.entries(table)) state[key] = spec.default;
  return state as StateOf<Table>;
}
