/**
 * LossSurface island: SGD, momentum and Adam from the same start on an analytic surface (plain TS, no tfjs),
 * drawn side by side over the surface's contours; trajectories grow every step.
 */
import type { EngineEvent } from '@engine/types';
import { localProgress } from '../common/local-progress';
import { chartLabels } from '../common/plot-labels';
import { seriesName } from '../common/series-names';
import { lossSurface as lossSurfacePlot } from '../plots/loss-surface';
import type { Grid2D, PlotHandle, LossSurfaceData } from '../plots/types';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { localRun } from '../shell/local-run';
import type { RunPlan } from '../shell/run';
import { describeOptimizers, plural } from '../shell/task';
import { fill, optionLabel } from '../shell/text';
import { lossSurface, type LossSurfaceState } from './definition';
import { createWalker, optimizerKeys, surfaces, type Surface } from './surfaces';

const COLUMNS = 81;
const ROWS = 49;

/** The surface sampled on a regular grid, row-major from the lowest θ₂. */
function sample(surface: Surface): Grid2D {
  const { x, y } = surface.extent;
  const values = new Float64Array(COLUMNS * ROWS);
  for (let row = 0; row < ROWS; row += 1) {
    for (let column = 0; column < COLUMNS; column += 1) {
      values[row * COLUMNS + column] = surface.loss(x[0] + ((x[1] - x[0]) * column) / (COLUMNS - 1), y[0] + ((y[1] - y[0]) * row) / (ROWS - 1));
    }
  }
  return { x, y, nx: COLUMNS, ny: ROWS, values };
}

function createView(context: ViewContext): FamilyView<typeof lossSurface.table> {
  const { strings, locale, plotArea, format } = context;
  const box = document.createElement('div');
  box.className = 'dp-wide';
  plotArea.append(box);
  const labels = {
    ...chartLabels(strings, 'surface'),
    value: strings.series.loss,
    step: strings.params.steps,
    optimizer: strings.params.optimizer,
  };
  let surface: Surface = surfaces.ravine;
  let grid = sample(surface);
  let chart: PlotHandle<LossSurfaceData> | null = null;
  let paths: { x: number; y: number }[][] = [];
  let steps = 0;

  const plan = (state: LossSurfaceState): RunPlan => {
    const chosen = surfaces[state.surface] ?? surfaces.ravine;
    const learningRate = state.lr;
    const total = state.steps;
    const walkers = optimizerKeys.map((key) => createWalker(key, chosen.start));
    let done = 0;
    const simulation = {
      finished: () => done >= total,
      advance: (): EngineEvent[] => {
        walkers.forEach((walker, index) => {
          walker.step(chosen, learningRate);
          paths[index]?.push({ x: walker.position[0], y: walker.position[1] });
        });
        done += 1;
        steps = done;
        const losses = walkers.map((walker) => chosen.loss(walker.position[0], walker.position[1]));
        return [localProgress(done, done, losses, learningRate)];
      },
    };
    // The task line from the same settings the walkers use: surface, optimizers and rate, steps.
    const task = [
      fill(strings.task.surface, { surface: optionLabel(strings, state.surface) }),
      describeOptimizers(optimizerKeys, [learningRate], strings, locale),
      plural(strings.task.steps, total, locale),
    ].join(strings.task.separator);
    return { stepsPerEvent: 1, task, runs: [{ kind: 'local', create: (emit) => localRun(simulation, emit, 2) }] };
  };

  const data = (): LossSurfaceData => ({
    surface: grid,
    trajectories: optimizerKeys.map((key, index) => ({ id: key, name: seriesName(strings, key), points: paths[index] ?? [] })),
  });

  return {
    plan,
    reset(state: LossSurfaceState) {
      const next = surfaces[state.surface] ?? surfaces.ravine;
      paths = optimizerKeys.map(() => [{ x: next.start[0], y: next.start[1] }]);
      steps = 0;
      context.readout.textContent = '';
      if (next !== surface || !chart) {
        surface = next;
        grid = sample(surface);
        chart?.destroy();
        chart = lossSurfacePlot(box, { locale, labels, data: data() });
      }
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      const finals = Object.fromEntries(optimizerKeys.map((key, index) => [key, event.members[index]?.trainLoss ?? Number.NaN]));
      context.expose('final-losses', JSON.stringify(finals));
      context.readout.textContent = fill(strings.readouts.surface, {
        steps: format.integer(steps),
        values: optimizerKeys.map((key) => `${seriesName(strings, key)} ${format.short(finals[key] ?? Number.NaN)}`).join(' · '),
      });
    },
    render() {
      chart?.update(data());
    },
    destroy() {
      chart?.destroy();
    },
  };
}

export const family = defineFamily(lossSurface, createView);
