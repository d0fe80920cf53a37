/**
 * Programs with one missing function (chapter 3, «a learnable box inside a program»), declared once: each is
 * an ordinary program `cost = part(x₁) + … + part(x_S)` over S arguments, whose `part` is unknown. A dataset
 * of a program holds whole runs only: the S arguments of a call (drawn uniformly, seeded) and the program's
 * output, never one (argument, part) pair. The network that stands in for `part` gets its input as
 * [S, 1] (positions × features), so a dense layer applies the same function at each argument
 * (`model/shapes.ts`), and a frozen «+» sums them.
 */
import { PROGRAM_NAMES, type ProgramName } from '../dataset-config';
import { Random } from '../random';
import type { RawData } from './types';

export interface ProgramSpec {
  /** Arguments per call (the positions of the network's input). */
  arguments: number;
  /** Where the arguments are drawn from (uniform): the training range of the missing function. */
  domain: [number, number];
  /** The missing function the program calls: what the network should learn, used only to make targets
   * (and to draw the truth next to the learned function). */
  part: (x: number) => number;
}

export const PROGRAMS: Record<ProgramName, ProgramSpec> = {
  /** A paint order's cost (price 1 per m²) for three square tiles given by their diagonals d: area = d²/2. */
  'square-area': { arguments: 3, domain: [0.5, 3], part: (d) => (d * d) / 2 },
};

export { PROGRAM_NAMES };

/** `count` calls of the program: inputs [x₁, …, x_S], target Σ part(xᵢ) (no noise). */
export function generateProgram(name: ProgramName, count: number, seed: number): RawData {
  const program = PROGRAMS[name];
  const random = new Random(seed);
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let i = 0; i < count; i++) {
    const args = Array.from({ length: program.arguments }, () => random.range(program.domain[0], program.domain[1]));
    inputs.push(args);
    targets.push([args.reduce((sum, x) => sum + program.part(x), 0)]);
  }
  return { inputs, targets };
}
