/**
 * LearningRateSweep island. `sweep`: one population, one member per rate (rates.ts); loss curves per rate and
 * final loss against rate (the U). `range-test`: one run whose rate grows exponentially over the run (by default
 * ×10 every 40 steps from 1e-5; the engine's exponential schedule), reported every 2 steps; loss against rate,
 * with the suggested rate a decade below the rate of lowest smoothed loss.
 */
import type { EngineEvent, RunConfig } from '@engine/types';
import { LossStore } from '../common/loss-store';
import { chartLabels } from '../common/plot-labels';
import { function1DRun } from '../common/run-config';
import { finalLoss } from '../plots/final-loss';
import { lossCurves } from '../plots/loss-curves';
import { lrRangeTest } from '../plots/lr-range-test';
import { defaultsOf } from '../shell/params';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import type { RunPlan } from '../shell/run';
import { fill } from '../shell/text';
import { learningRateSweep, type LearningRateSweepState } from './definition';
import { rangeRamp, rangeStart, sweepRates } from './rates';
import { suggestLearningRate } from './suggest';

/** Steps between two reports of the range test: one point of its curve. */
const RANGE_CHUNK = 2;

/** Steps of a whole run: epochs × batches per epoch of the training split (as the engine's sampler counts them). */
function totalSteps(config: RunConfig): number {
  const count = config.dataset.kind === 'function1d' ? config.dataset.count ?? 0 : 0;
  const rows = Math.max(1, Math.round(count * (config.dataset.split?.train ?? 1)));
  return (config.training.epochs ?? 0) * Math.ceil(rows / Math.min(config.training.batchSize, rows));
}

export function learningRateSweepPlan(state: LearningRateSweepState): RunPlan {
  const common = {
    fn: 'sine' as const,
    hiddenLayers: 1,
    width: 16,
    activation: 'tanh' as const,
    optimizer: state.optimizer,
    seed: state.seed,
    epochs: state.epochs,
  };
  if (state.experiment === 'range-test') {
    const config = function1DRun({ ...common, learningRate: 1, telemetry: { every: RANGE_CHUNK } });
    const { schedule, ...rateRamp } = rangeRamp(state, totalSteps(config));
    config.training.optimizer = { ...config.training.optimizer, learningRate: rateRamp.from, schedule };
    return { stepsPerEvent: RANGE_CHUNK, divergenceEndsRun: true, ...(rateRamp.to > rateRamp.from ? { rateRamp } : {}), runs: [{ kind: 'engine', config }] };
  }
  const rates = sweepRates(state);
  const config = function1DRun({
    ...common,
    learningRate: 0.01,
    population: { size: rates.length, members: rates.map((learningRate) => ({ learningRate })) },
  });
  return { stepsPerEvent: 10, runs: [{ kind: 'engine', config }] };
}

function createView(context: ViewContext): FamilyView<typeof learningRateSweep.table> {
  const { strings, locale, plotArea, format } = context;
  const curvesBox = document.createElement('div');
  const finalBox = document.createElement('div');
  const rangeBox = document.createElement('div');
  plotArea.append(curvesBox, finalBox, rangeBox);
  const curvesPlot = lossCurves(curvesBox, { locale, labels: chartLabels(strings, 'lrCurves'), data: { runs: [] }, logY: true });
  const finalPlot = finalLoss(finalBox, { locale, labels: { ...chartLabels(strings, 'finalLoss'), loss: strings.series.finalLoss }, data: { runs: [] }, logY: true });
  const rangePlot = lrRangeTest(rangeBox, {
    locale,
    labels: { ...chartLabels(strings, 'rangeTest'), loss: strings.series.loss, suggested: strings.series.suggested },
    data: { points: [] },
  });
  // Targets are sin x (variance ½): a loss above 1000 can only mean the run blew up.
  const losses = new LossStore(1e3);
  let range: { x: number; y: number }[] = [];
  // A report gives the loss of the steps since the last one and the rate of the next step: each point is drawn
  // at the rate its steps started from, the rate of the report before it (the schedule's start for the first).
  let chunkRate = Number.NaN;
  let rates: number[] = [];
  let state: LearningRateSweepState = defaultsOf(learningRateSweep.table);
  const rateLabel = (key: string) => fill(strings.series.learningRate, { lr: format.short(Number(key)) });

  return {
    plan: learningRateSweepPlan,
    reset(next: LearningRateSweepState) {
      state = next;
      losses.clear();
      range = [];
      rates = sweepRates(next);
      chunkRate = rangeStart(next);
      context.readout.textContent = '';
      const sweep = next.experiment !== 'range-test';
      curvesBox.hidden = !sweep;
      finalBox.hidden = !sweep;
      rangeBox.hidden = sweep;
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      if (state.experiment === 'range-test') {
        const member = event.members[0];
        if (member && Number.isFinite(member.trainLoss) && !member.diverged) range.push({ x: chunkRate, y: member.trainLoss });
        if (member) chunkRate = member.learningRate;
        const suggested = suggestLearningRate(range);
        if (suggested !== null) {
          context.expose('suggested-lr', suggested);
          context.readout.textContent = fill(strings.readouts.suggestedLr, { lr: format.short(suggested) });
        }
        return;
      }
      losses.add(event, (member) => String(rates[member] ?? member));
      const finals = losses.finals();
      context.expose('final-losses', JSON.stringify(finals));
      const best = Object.entries(finals).filter((entry): entry is [string, number] => entry[1] !== null).sort((a, b) => a[1] - b[1])[0];
      if (best) context.readout.textContent = fill(strings.readouts.bestLr, { lr: format.short(Number(best[0])), loss: format.short(best[1]) });
    },
    render() {
      if (state.experiment === 'range-test') {
        const suggested = suggestLearningRate(range);
        rangePlot.update({ points: range, ...(suggested !== null ? { suggested } : {}) });
        return;
      }
      curvesPlot.update({ runs: losses.runs(rateLabel) });
      finalPlot.update({
        runs: rates
          .map((rate) => ({ x: rate, loss: losses.final(String(rate)) }))
          .filter((run) => !Number.isNaN(run.loss))
          .map((run) => ({ ...run, diverged: !Number.isFinite(run.loss) })),
      });
    },
    destroy() {
      curvesPlot.destroy();
      finalPlot.destroy();
      rangePlot.destroy();
    },
  };
}

export const family = defineFamily(learningRateSweep, createView);
