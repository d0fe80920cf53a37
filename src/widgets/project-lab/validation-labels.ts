/**
 * The classes of the 200 validation digits (data seed 1), in the order `predict()` answers for them, so the
 * view scores the votes without loading the dataset (tests/unit/widgets/project-lab.test.ts checks them against
 * `digitsSplit(1)`).
 */
const DIGITS =
  '42903636893203713226697013957158406429234552613449997408630503151410707919865742581480837843655642187907166661098349491607278631850964270952811616257186700152701865130980110478436961257235235055999656';

export const VALIDATION_LABELS: number[] = Array.from(DIGITS, Number);
