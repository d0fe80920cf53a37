/**
 * ProjectLab: chapter 4's one widget family (docs/project-lifecycle/outline.md). Every preset runs an experiment on
 * «the project model» — MLP 784-32-10 (ReLU, he_normal, softmax), cross-entropy, Adam 0.001, batch 32, the shipped
 * digits split 70/20/10 with data seed 1 — and a card at the top names the project's choices so far.
 */
import { defineWidget, shellParams } from '../shell/definition';
import { numberParam, type StateOf } from '../shell/params';

export const projectLabPresets = ['first-baseline', 'class-imbalance', 'label-noise', 'update-ratio', 'ensemble-vote'] as const;
export type ProjectPreset = (typeof projectLabPresets)[number];

export const projectLab = defineWidget({
  family: 'project-lab',
  trains: true,
  usesEngine: true,
  table: {
    ...shellParams(projectLabPresets),
    /** Passes over the 700 training digits (10: the answer in seconds on a phone; the claims were checked at 10). */
    epochs: numberParam({ default: 10, min: 5, max: 100, step: 1, integer: true, unit: 'epochs' }),
    /** Adam's rate of every network (`first-baseline`, `ensemble-vote`); `update-ratio` lists its own SGD rates. */
    lr: numberParam({ default: 0.001, min: 0.00001, max: 1, step: 0.00001, log: true }),
  },
  presets: {
    'first-baseline': {},
    'class-imbalance': {},
    // Long enough for the network to memorize wrong labels (validation peaks, then falls).
    'label-noise': { epochs: 20 },
    'update-ratio': {},
    'ensemble-vote': {},
  },
  controls: ['epochs', 'lr'],
  presetControls: {
    'first-baseline': ['epochs', 'lr'],
    'class-imbalance': ['epochs', 'lr'],
    'label-noise': ['epochs', 'lr'],
    'update-ratio': ['epochs'],
    'ensemble-vote': ['epochs', 'lr'],
  },
});

export type ProjectLabState = StateOf<typeof projectLab.table>;
