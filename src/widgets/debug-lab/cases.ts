/**
 * The debugging lab's cases: a case number draws one planted bug (src/engine/faults.ts), so a link or a preset
 * names the number and never the bug. «New case» moves to the next number, whose draw is independent of this one.
 * Each bug's exercise preset is the first case number from 2 on that draws it (case 1 is `random-case`'s).
 */
import { FAULT_KEYS, type FaultKey } from '@engine/faults';
import { seededRandom } from '../common/random';

/** Case numbers a reader can type (the `case` control's range). */
export const CASE_MAX = 9999;

/** The bug a case number draws: uniform over the 8 bugs, the same on every machine. */
export function caseBug(caseNumber: number): FaultKey {
  const draw = seededRandom(caseNumber * 2654435761 + 97)();
  return FAULT_KEYS[Math.floor(draw * FAULT_KEYS.length)] ?? FAULT_KEYS[0]!;
}

function firstCase(key: FaultKey): number {
  for (let n = 2; n <= CASE_MAX; n++) if (caseBug(n) === key) return n;
  throw new Error(`No case number up to ${CASE_MAX} draws ${key}`);
}

/** Each bug's exercise case (its preset's `case`). */
export const BUG_CASES = Object.fromEntries(FAULT_KEYS.map((key) => [key, firstCase(key)])) as Record<FaultKey, number>;

/** The next case after `caseNumber` (wrapping at the top of the range). */
export const nextCase = (caseNumber: number): number => (caseNumber >= CASE_MAX ? 1 : caseNumber + 1);
