/**
 * Votes of an ensemble over `predict()` output (`[member][example][class]` probabilities), chapter 4's
 * «does a vote beat its members?». Diverged members (any non-finite output for an example) are left out of
 * that example's vote.
 *
 *   majorityVote(predictions)     each member votes for its argmax; ties go to the larger summed probability
 *   confidenceVote(predictions)   argmax of the summed probabilities (a vote weighted by confidence)
 */

function argmax(row: number[]): number {
  let best = 0;
  for (let c = 1; c < row.length; c++) if ((row[c] as number) > (row[best] as number)) best = c;
  return best;
}

function check(predictions: number[][][]): { examples: number; classes: number } {
  const first = predictions[0];
  if (!first) throw new RangeError('an ensemble needs at least one member');
  const examples = first.length;
  const classes = first[0]?.length ?? 0;
  for (const member of predictions) {
    if (member.length !== examples) throw new RangeError('every member must predict the same examples');
    for (const row of member) if (row.length !== classes) throw new RangeError('every prediction must have the same number of classes');
  }
  return { examples, classes };
}

const healthy = (row: number[]) => row.every(Number.isFinite);

/** Summed probabilities per example over the healthy members, `[example][class]`. */
export function summedProbabilities(predictions: number[][][]): number[][] {
  const { examples, classes } = check(predictions);
  return Array.from({ length: examples }, (_, e) => {
    const sum = new Array<number>(classes).fill(0);
    for (const member of predictions) {
      const row = member[e] as number[];
      if (healthy(row)) row.forEach((p, c) => (sum[c] = (sum[c] as number) + p));
    }
    return sum;
  });
}

export function confidenceVote(predictions: number[][][]): number[] {
  return summedProbabilities(predictions).map(argmax);
}

export function majorityVote(predictions: number[][][]): number[] {
  const { examples, classes } = check(predictions);
  const sums = summedProbabilities(predictions);
  return Array.from({ length: examples }, (_, e) => {
    const votes = new Array<number>(classes).fill(0);
    for (const member of predictions) {
      const row = member[e] as number[];
      if (healthy(row)) votes[argmax(row)] = (votes[argmax(row)] as number) + 1;
    }
    const top = Math.max(...votes);
    const sum = sums[e] as number[];
    let best = -1;
    for (let c = 0; c < classes; c++) if (votes[c] === top && (best < 0 || (sum[c] as number) > (sum[best] as number))) best = c;
    return best;
  });
}

/** Each member's own answers, `[member][example]`. */
export function memberAnswers(predictions: number[][][]): number[][] {
  check(predictions);
  return predictions.map((member) => member.map(argmax));
}

/** Share of `answers` equal to `targets`. */
export function accuracyOf(answers: ArrayLike<number>, targets: ArrayLike<number>): number {
  if (answers.length !== targets.length) throw new RangeError('answers and targets differ in length');
  if (answers.length === 0) return 0;
  let right = 0;
  for (let i = 0; i < answers.length; i++) if (answers[i] === targets[i]) right++;
  return right / answers.length;
}
