/**
 * The one door from the shell's state to a family's. The shell keeps every widget's state in one erased form
 * (`AnyState`: controls, permalinks, the pre-render and the teacher's replay work on any family alike); a family
 * sees `StateOf<Table>` of its own table, where `state.width` is a number and `state.activation` the union of
 * its options. Each state passes here on its way in, and is checked against the table rather than cast: every
 * key present, none unknown, every value allowed. A state that fails is a bug in the shell, and throws.
 */
import type { AnyState, StateOf, StateTable } from './params';
import { checkState } from './validate';

/** Whether `state` is a full, valid state of `table`. */
export function isStateOf<Table extends StateTable>(table: Table, state: AnyState): state is AnyState & StateOf<Table> {
  return Object.keys(table).every((key) => Object.hasOwn(state, key)) && checkState(table, state).length === 0;
}

/** `state` as the state of `table`, or an error naming what does not fit. */
export function stateOf<Table extends StateTable>(table: Table, state: AnyState): StateOf<Table> {
  if (isStateOf(table, state)) return state;
  const missing = Object.keys(table).filter((key) => !Object.hasOwn(state, key));
  const wrong = checkState(table, state).map((problem) => `${problem.param} (${problem.code})`);
  throw new Error(`state does not fit its table: ${[...missing.map((key) => `${key} (missing)`), ...wrong].join(', ')}`);
}
