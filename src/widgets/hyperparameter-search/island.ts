/**
 * HyperparameterSearch island: all 18 trials train as one population. Left: where each search looked;
 * right: final loss against the learning rate. The readout compares the best of each search.
 */
import type { EngineEvent } from '@engine/types';
import { chartLabels } from '../common/plot-labels';
import { function1DRun } from '../common/run-config';
import { lineChart } from '../plots/line-chart';
import type { LineSeries } from '../plots/types';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import type { RunPlan } from '../shell/run';
import { fill } from '../shell/text';
import { hyperparameterSearch, type HyperparameterSearchState } from './definition';
import { trials, type Trial } from './trials';

export function hyperparameterSearchPlan(state: HyperparameterSearchState): RunPlan {
  const chosen = trials(state.seed);
  const config = function1DRun({
    fn: 'sine', hiddenLayers: 1, width: 16, activation: 'tanh', optimizer: 'sgd', learningRate: 0.01,
    epochs: state.epochs, seed: state.seed,
    population: { size: chosen.length, members: chosen.map(({ learningRate, l2 }) => ({ learningRate, l2 })) },
  });
  return { stepsPerEvent: 10, runs: [{ kind: 'engine', config }] };
}

function createView(context: ViewContext): FamilyView<typeof hyperparameterSearch.table> {
  const { strings, locale, plotArea, format } = context;
  const spaceBox = document.createElement('div');
  const lossBox = document.createElement('div');
  plotArea.append(spaceBox, lossBox);
  const space = lineChart(spaceBox, { locale, labels: chartLabels(strings, 'searchSpace'), data: { series: [] }, x: { type: 'log' }, y: { type: 'log' } });
  const lossChart = lineChart(lossBox, { locale, labels: chartLabels(strings, 'searchLoss'), data: { series: [] }, x: { type: 'log' }, y: { type: 'log' } });
  let chosen: Trial[] = [];
  let finals: number[] = [];

  const best = (search: Trial['search']) =>
    chosen
      .map((trial, index) => ({ trial, loss: finals[index] ?? Number.NaN }))
      .filter((entry) => entry.trial.search === search && Number.isFinite(entry.loss))
      .sort((a, b) => a.loss - b.loss)[0];

  const dots = (search: Trial['search'], y: (trial: Trial, index: number) => number, slot: number): LineSeries => ({
    id: search,
    name: search === 'grid' ? strings.series.grid : strings.series.random,
    mark: 'dot',
    color: slot,
    symbol: slot,
    points: chosen
      .map((trial, index) => ({ trial, index }))
      .filter(({ trial }) => trial.search === search)
      .map(({ trial, index }) => ({ x: trial.learningRate, y: y(trial, index) }))
      .filter((point) => Number.isFinite(point.y)),
  });

  return {
    plan: hyperparameterSearchPlan,
    reset(state: HyperparameterSearchState) {
      chosen = trials(state.seed);
      finals = [];
      context.readout.textContent = '';
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      finals = event.members.map((member) => (member.diverged ? Number.POSITIVE_INFINITY : member.trainLoss));
      const grid = best('grid');
      const random = best('random');
      if (!grid || !random) return;
      context.expose('best-grid', grid.loss);
      context.expose('best-random', random.loss);
      context.readout.textContent = fill(strings.readouts.search, {
        gridLr: format.short(grid.trial.learningRate),
        gridLoss: format.short(grid.loss),
        randomLr: format.short(random.trial.learningRate),
        randomLoss: format.short(random.loss),
      });
    },
    render() {
      space.update({ series: [dots('grid', (trial) => trial.l2, 0), dots('random', (trial) => trial.l2, 1)] });
      lossChart.update({ series: [dots('grid', (_, index) => finals[index] ?? Number.NaN, 0), dots('random', (_, index) => finals[index] ?? Number.NaN, 1)] });
    },
    destroy() {
      space.destroy();
      lossChart.destroy();
    },
  };
}

export const family = defineFamily(hyperparameterSearch, createView);
