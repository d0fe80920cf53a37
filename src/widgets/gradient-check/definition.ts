/**
 * GradientCheck: a custom layer's hand-written backward pass against central differences of its forward pass
 * (chapter 4, lesson 3). No training: the engine's plain-TypeScript check (`@engine/gradcheck`) runs on the page.
 */
import { CUSTOM_LAYER_KEYS } from '@engine/gradcheck/custom-layers';
import type { Precision } from '@engine/gradcheck/gradient-check';
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';

export const gradientCheckPresets = ['swish-correct', 'swish-sigma-prime', 'swish-missing-x', 'naive-log', 'log-eps'] as const;

/** Arithmetic of the forward passes behind the numeric gradient (the engine's `Precision`). */
export const precisionKeys = ['float64', 'float32'] as const satisfies readonly Precision[];

export const gradientCheck = defineWidget({
  family: 'gradient-check',
  trains: false,
  usesEngine: false,
  table: {
    ...shellParams(gradientCheckPresets),
    /** The layer variant: a key of the engine's CUSTOM_LAYERS (correct, or with one planted bug). */
    layer: choiceParam(CUSTOM_LAYER_KEYS, 'swish'),
    /** Step of the central difference; the floor of the U curve in float64 is near 1e-5. */
    h: numberParam({ default: 1e-5, min: 1e-8, max: 1e-1, step: 1e-8, log: true }),
    precision: choiceParam(precisionKeys, 'float64'),
  },
  presets: {
    'swish-correct': {},
    'swish-sigma-prime': { layer: 'swish-sigma-prime' },
    'swish-missing-x': { layer: 'swish-missing-x' },
    'naive-log': { layer: 'log' },
    'log-eps': { layer: 'log-eps' },
  },
  controls: ['layer', 'h', 'precision'],
});

export type GradientCheckState = StateOf<typeof gradientCheck.table>;
