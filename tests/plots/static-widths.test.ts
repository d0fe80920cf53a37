/**
 * A pre-rendered result keeps its plot text legible at any column width: a plot whose drawing follows the width is
 * drawn at 640 px and at NARROW_WIDTH (shown in narrow cells by widget.css), while a fixed-width drawing (the
 * model graph) is drawn once.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressEvent } from '@engine/types';
import { intlLocale, strings } from '@i18n/index';
import { digitsExperiment } from '@widgets/digits-experiment/definition';
import { family as digits } from '@widgets/digits-experiment/island';
import { modelGraph } from '@widgets/model-graph/definition';
import { family as graph } from '@widgets/model-graph/island';
import { NARROW_WIDTH, renderStatic } from '@widgets/prerender/render';
import { presetState } from '@widgets/shell/definition';
import { shellFamily } from '@widgets/shell/family';

const text = strings('zh').widgets;
const locale = intlLocale('zh');
const progress = (step: number): ProgressEvent => ({
  type: 'progress', step, epoch: 0, layerNames: ['relu128', 'tanh128', 'output'], backend: 'cpu', stepsPerSecond: 0,
  members: Array.from({ length: 5 }, () => ({ trainLoss: 1, validationLoss: 1, trainAccuracy: 0.1, validationAccuracy: 0.1, learningRate: 1, diverged: false })),
  maxUnitNormsByLayer: Array.from({ length: 5 }, () => [step, step, 1]),
});

describe('static results at two widths', () => {
  it('draws each width-following plot at 640 px and at the narrow width, side by side in one cell', () => {
    const state = presetState(digitsExperiment, 'max-norm');
    const { plots } = renderStatic(shellFamily(digits), state, [0, 1].flatMap((run) => [5, 10].map((step) => [run, progress(step)] as [number, ProgressEvent])), text, locale);
    const cell = document.createElement('div');
    cell.innerHTML = plots;
    const cells = [...cell.children];
    expect(cells).toHaveLength(3); // accuracy, loss, unit norms
    for (const static_ of cells) {
      expect(static_.className).toBe('dp-static');
      expect(static_.querySelector('.dp-static__wide svg')!.getAttribute('viewBox')).toMatch(/^0 0 640 /);
      expect(static_.querySelector('.dp-static__narrow svg')!.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${NARROW_WIDTH} `));
    }
    // The cap line is drawn in both.
    expect(cells[2]!.querySelectorAll('.dp-plot__guide')).toHaveLength(2);
    // Every id stays unique (each drawing gets its own).
    const ids = [...cell.querySelectorAll('[id]')].map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000); // the first render loads the family's modules: seconds on a loaded machine

  it('draws a fixed-width drawing (the model graph) once', () => {
    const { plots } = renderStatic(shellFamily(graph), presetState(modelGraph, 'digits-mlp'), [], text, locale);
    expect(plots).not.toContain('dp-static');
    expect(plots.match(/<svg/g)).toHaveLength(1);
  });
});
