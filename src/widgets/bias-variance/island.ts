/**
 * BiasVariance island. A population of `members` networks, each trained on its own fresh noisy sample of
 * sin x; the engine reports bias², variance and noise at the probe points. `capacity`: one population per
 * hidden width, one after another, a row per width. `epochs`: one population, a row per report.
 */
import type { EngineEvent } from '@engine/types';
import { FUNCTIONS_1D } from '@engine/datasets/functions1d';
import { grid1D } from '../common/grid';
import { chartLabels } from '../common/plot-labels';
import { function1DRun, STEPS_PER_EVENT } from '../common/run-config';
import { biasVarianceDecomposition } from '../plots/bias-variance';
import { resampledFits } from '../plots/resampled-fits';
import type { DecompositionRow, XYPoint } from '../plots/types';
import { defaultsOf } from '../shell/params';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import type { RunPlan } from '../shell/run';
import { fill } from '../shell/text';
import { biasVariance, capacityWidths, type BiasVarianceState } from './definition';

const PROBE = grid1D(-3, 3, 61);

export function biasVariancePlan(state: BiasVarianceState): RunPlan {
  const members = state.members;
  const memberSeed = (index: number) => state.seed * 1000 + index + 1;
  // Over epochs every member starts from member 0's weights (one initSeed): at epoch 0 the variance is zero, and
  // only the data spreads them.
  const sharedStart = state.experiment === 'epochs';
  const run = (width: number) => ({
    kind: 'engine' as const,
    config: function1DRun({
      fn: 'sine',
      hiddenLayers: 1,
      width,
      activation: 'tanh',
      optimizer: 'adam',
      learningRate: 0.01,
      epochs: state.epochs,
      seed: state.seed,
      // 80 % of the generated points train each member.
      count: Math.round(state.points / 0.8),
      noise: state.noise,
      batchSize: 10,
      // Each member gets its own seed: its own fresh sample (and its own initial weights, unless `sharedStart`).
      population: {
        size: members,
        dataSubset: { type: 'fresh' },
        members: Array.from({ length: members }, (_, index) => ({ seed: memberSeed(index), ...(sharedStart ? { initSeed: memberSeed(0) } : {}) })),
      },
      telemetry: { probe: { inputs: PROBE }, biasVariance: true },
    }),
  });
  if (sharedStart) return { stepsPerEvent: STEPS_PER_EVENT, runs: [run(state.width)] };
  return { stepsPerEvent: STEPS_PER_EVENT, sequential: true, runs: capacityWidths.map(run) };
}

function createView(context: ViewContext): FamilyView<typeof biasVariance.table> {
  const { strings, locale, plotArea, format } = context;
  const decompositionBox = document.createElement('div');
  const fitsBox = document.createElement('div');
  plotArea.append(decompositionBox, fitsBox);
  const series = strings.series;
  let state: BiasVarianceState = defaultsOf(biasVariance.table);
  /** The experiment the decomposition plot's x axis was built for (none before the first reset). */
  let plotted: BiasVarianceState['experiment'] | null = null;
  const decompositionLabels = () => ({
    ...chartLabels(strings, 'decomposition'),
    ...(state.experiment === 'epochs' ? { x: strings.plots.charts.loss.x } : {}),
    bias2: series.bias2,
    variance: series.variance,
    noise: series.noise,
    total: series.total,
    measured: series.measured,
  });
  let decompositionPlot = biasVarianceDecomposition(decompositionBox, { locale, labels: decompositionLabels(), data: { rows: [] } });
  const fitsPlot = resampledFits(fitsBox, {
    locale,
    labels: { ...chartLabels(strings, 'fits', { logScale: false }), fit: series.resampledFit, mean: series.mean, truth: series.truth },
    data: { fits: [], mean: [], truth: [] },
  });
  const truth: XYPoint[] = PROBE.map(([x = 0]) => ({ x, y: FUNCTIONS_1D.sine(x) }));
  let rows = new Map<number, DecompositionRow>();
  let fits: XYPoint[][] = [];
  let mean: XYPoint[] = [];

  return {
    plan: biasVariancePlan,
    reset(next: BiasVarianceState) {
      const xChanged = next.experiment !== plotted;
      plotted = next.experiment;
      state = next;
      rows = new Map();
      fits = [];
      mean = [];
      context.readout.textContent = '';
      if (xChanged) {
        decompositionPlot.destroy();
        decompositionPlot = biasVarianceDecomposition(decompositionBox, {
          locale,
          labels: decompositionLabels(),
          data: { rows: [] },
          xType: next.experiment === 'epochs' ? 'linear' : 'log',
        });
      }
    },
    onEvent(run: number, event: EngineEvent) {
      if (event.type !== 'progress' || !event.biasVariance) return;
      const report = event.biasVariance;
      const x = state.experiment === 'epochs' ? event.epoch : (capacityWidths[run] ?? run);
      rows.set(x, { x, bias2: report.biasSquared, variance: report.variance, noise: report.noise, measured: report.measuredExpectedError });
      fits = (event.probe?.predictions ?? []).map((member) => PROBE.map(([px = 0], index) => ({ x: px, y: member[index]?.[0] ?? Number.NaN })));
      mean = PROBE.map(([px = 0], index) => ({ x: px, y: report.meanPrediction[index] ?? Number.NaN }));
      context.expose('decomposition', JSON.stringify([...rows.values()]));
      context.readout.textContent = fill(strings.readouts.decomposition, {
        bias2: format.short(report.biasSquared),
        variance: format.short(report.variance),
        noise: format.short(report.noise),
        total: format.short(report.sum),
      });
    },
    render() {
      decompositionPlot.update({ rows: [...rows.values()] });
      fitsPlot.update({ fits, mean, truth });
    },
    destroy() {
      decompositionPlot.destroy();
      fitsPlot.destroy();
    },
  };
}

export const family = defineFamily(biasVariance, createView);
