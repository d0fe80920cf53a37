/** Ensemble votes and per-class metrics over predict() output (chapter 4). */
import { describe, expect, it } from 'vitest';
import { accuracyOf, confidenceVote, majorityVote, memberAnswers } from '@engine/train/ensemble';
import { confusionMatrix, perClassPrecision, perClassRecall } from '@engine/train/class-metrics';

// Three members, four examples, three classes.
const predictions = [
  [[0.6, 0.3, 0.1], [0.1, 0.8, 0.1], [0.4, 0.35, 0.25], [0.2, 0.2, 0.6]],
  [[0.5, 0.4, 0.1], [0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.1, 0.1, 0.8]],
  [[0.1, 0.8, 0.1], [0.2, 0.7, 0.1], [0.1, 0.45, 0.45], [0.3, 0.4, 0.3]],
];

describe('ensemble votes', () => {
  it('majority follows the most members; confidence follows the summed probabilities', () => {
    expect(memberAnswers(predictions)).toEqual([[0, 1, 0, 2], [0, 0, 1, 2], [1, 1, 1, 1]]);
    expect(majorityVote(predictions)).toEqual([0, 1, 1, 2]);
    // Example 0: sums 1.2, 1.5, 0.3 → class 1 though two of three members answered 0.
    expect(confidenceVote(predictions)).toEqual([1, 1, 1, 2]);
  });

  it('a three-way tie goes to the class with the larger summed probability', () => {
    const tie = [[[0.5, 0.3, 0.2]], [[0.1, 0.45, 0.44]], [[0.05, 0.05, 0.9]]];
    expect(majorityVote(tie)).toEqual([2]); // sums 0.65, 0.8, 1.54
  });

  it('a diverged member (non-finite output) does not vote', () => {
    const withBad = [...predictions, predictions[0]!.map(() => [NaN, NaN, NaN])];
    expect(majorityVote(withBad)).toEqual(majorityVote(predictions));
    expect(confidenceVote(withBad)).toEqual(confidenceVote(predictions));
  });

  it('a vote can beat every member; accuracy counts matches', () => {
    const targets = [0, 1, 1, 2];
    const members = memberAnswers(predictions).map((answers) => accuracyOf(answers, targets));
    expect(members).toEqual([0.75, 0.75, 0.5]);
    expect(accuracyOf(majorityVote(predictions), targets)).toBe(1);
    expect(() => accuracyOf([1], [1, 2])).toThrow(RangeError);
    expect(() => majorityVote([[[1, 0]], [[1, 0], [0, 1]]])).toThrow(RangeError);
    expect(() => confidenceVote([])).toThrow(RangeError);
  });
});

describe('per-class metrics', () => {
  it('the confusion matrix counts [true][predicted]; recall and precision read it by row and column', () => {
    const targets = [0, 0, 0, 1, 1, 2];
    const predicted = [0, 0, 1, 1, 1, 0];
    const m = confusionMatrix(predicted, targets, 3);
    expect(m).toEqual([[2, 1, 0], [0, 2, 0], [1, 0, 0]]);
    expect(perClassRecall(m)).toEqual([2 / 3, 1, 0]);
    expect(perClassPrecision(m)).toEqual([2 / 3, 2 / 3, null]); // class 2 is never predicted
    expect(perClassRecall(confusionMatrix([0], [0], 2))).toEqual([1, null]); // class 1 has no examples
  });

  it('accuracy can stay high while a rare class is never recalled', () => {
    const targets = [...new Array(95).fill(0), ...new Array(5).fill(1)];
    const predicted = new Array(100).fill(0);
    expect(accuracyOf(predicted, targets)).toBe(0.95);
    expect(perClassRecall(confusionMatrix(predicted, targets, 2))[1]).toBe(0);
  });

  it('rejects ids outside the classes and mismatched lengths', () => {
    expect(() => confusionMatrix([3], [0], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0.5], [0], 3)).toThrow(RangeError);
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow(RangeError);
  });
});
