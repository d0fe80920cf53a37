/**
 * ProjectLab island: the project card (card.ts), then per preset the outline's views — validation accuracy against
 * epochs for the baseline and the ensemble's members, the update ratio per rate with the 10⁻³ band and the final
 * validation loss against the rate, the members' accuracies beside their two votes — and a readout; exposes the
 * numbers the claims are about (docs/widgets.md).
 */
import type { EngineEvent } from '@engine/types';
import { DigitsResults } from '../digits-experiment/results';
import { figureLabels } from '../common/plot-labels';
import { lineChart } from '../plots/line-chart';
import type { AxisOptions, LineChartHandle, LineChartLabels } from '../plots/types';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { taskNumber } from '../shell/task';
import { fill, type WidgetStrings } from '../shell/text';
import { cardRows, projectCard } from './card';
import { accuracyByEpoch, lossByRate, ratioCurves, voteChart, voteDomain } from './charts';
import { defaultsOf } from '../shell/params';
import { projectLab, type ProjectLabState, type ProjectPreset } from './definition';
import { classRecall, ratioNearBand, slopeOf, voteAccuracies, type VoteAccuracies } from './measures';
import { KEEP_FRACTIONS, NOISE_FRACTIONS, RARE_CLASS } from './plans-data';
import { imbalanceChart, imbalanceReadout, keepConfusion, noiseReadout, noisyTrainChart, rareRowChart, type Confusions } from './views-data';
import { BASELINE_ARMS, projectPlan, RATIO_RATES, STEPS_PER_EPOCH, widgetSeeds, type ProjectPlan } from './plan';
import { RatioResults } from './ratio-results';
import { VALIDATION_LABELS } from './validation-labels';
import { finalWeights, type FinalWeights } from '../common/final-weights';

type ChartKey = keyof WidgetStrings['projectLab']['charts'];

/** Each run's arm (its members are the seeds): the network, the fraction of fives kept or of labels flipped. */
function armsOf(preset: ProjectPreset): readonly string[] {
  if (preset === 'first-baseline') return BASELINE_ARMS;
  if (preset === 'class-imbalance') return KEEP_FRACTIONS.map(String);
  if (preset === 'label-noise') return NOISE_FRACTIONS.map(String);
  return ['member'];
}

function createView(context: ViewContext): FamilyView<typeof projectLab.table> {
  const { strings, locale, plotArea, format } = context;
  const t = strings.projectLab;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const card = projectCard(plotArea, strings);
  let state: ProjectLabState = defaultsOf(projectLab.table);
  let weights: FinalWeights = finalWeights();
  let plan: ProjectPlan = { stepsPerEvent: 1, runs: [] };
  const results = new DigitsResults((run) => { const arm = armsOf(state.preset)[run]; return arm === undefined ? [] : [arm]; });
  const confusions: Confusions = new Map();
  const ratios = new RatioResults();
  let votes: VoteAccuracies | null = null;
  const charts: LineChartHandle[] = [];
  const boxes: HTMLElement[] = [];
  let draw: () => void = () => undefined;

  const labels = (key: ChartKey, logY: boolean): LineChartLabels => ({ ...t.charts[key], ...figureLabels(strings), ...(logY ? { logY: strings.plots.common.logY } : {}), diverged: strings.plots.common.diverged });
  const chart = (key: ChartKey, x: AxisOptions, y: AxisOptions, logY = false): LineChartHandle => {
    const box = document.createElement('div');
    plotArea.append(box);
    boxes.push(box);
    const handle = lineChart(box, { locale, labels: labels(key, logY), data: { series: [] }, x, y });
    charts.push(handle);
    return handle;
  };
  const armLabel = (arm: string): string => {
    if (state.preset === 'label-noise') return fill(t.series.noise, { q: percent.format(Number(arm)) });
    return arm === 'logistic' ? t.series.logistic : arm === 'mlp' ? t.series.mlp : t.series.members;
  };
  const rateLabel = (rate: number) => fill(t.series.rate, { lr: taskNumber(rate, locale) });

  function build(preset: ProjectPreset): void {
    charts.splice(0).forEach((handle) => handle.destroy());
    boxes.splice(0).forEach((element) => element.remove());
    const epochs = state.epochs;
    const epochAxis: AxisOptions = { nice: false, domain: [0, epochs] };
    if (preset === 'first-baseline') {
      const accuracy = chart('accuracy', epochAxis, { domain: [0, 1] });
      draw = () => accuracy.update(accuracyByEpoch(results, armLabel, [{ axis: 'y', value: 0.1, label: t.series.chance }]));
      return;
    }
    if (preset === 'class-imbalance') {
      const finals = chart('imbalance', { type: 'log', nice: false, domain: [0.02, 1.5], ticks: [...KEEP_FRACTIONS] }, { domain: [0, 1] });
      const row = chart('rareRow', { nice: false, domain: [-0.5, 9.5], ticks: Array.from({ length: 10 }, (_, c) => c) }, { include: 0 });
      draw = () => {
        finals.update(imbalanceChart(results, confusions, { accuracy: t.series.overall, recall: t.series.recall, seeds: t.series.seeds }));
        row.update(rareRowChart(confusions, t.series.fives));
      };
      return;
    }
    if (preset === 'label-noise') {
      const validation = chart('accuracy', epochAxis, { domain: [0, 1] });
      const noisy = chart('noisyTrain', epochAxis, { domain: [0, 1] });
      draw = () => {
        validation.update(accuracyByEpoch(results, armLabel));
        noisy.update(noisyTrainChart(results, armLabel));
      };
      return;
    }
    if (preset === 'update-ratio') {
      const ratio = chart('ratio', epochAxis, { type: 'log' });
      const loss = chart('ratioLoss', { type: 'log', nice: false, domain: [Math.min(...RATIO_RATES) / 1.5, Math.max(...RATIO_RATES) * 1.5], ticks: [...RATIO_RATES] }, {}, true);
      draw = () => {
        ratio.update(ratioCurves(ratios, rateLabel, t.series.band, epochs));
        loss.update(lossByRate(ratios, t.series.loss));
      };
      return;
    }
    const accuracy = chart('accuracy', epochAxis, { domain: [0, 1] });
    const seeds = widgetSeeds(state);
    let vote: LineChartHandle | null = null;
    draw = () => {
      accuracy.update(accuracyByEpoch(results, armLabel));
      if (!votes) return;
      // Built once the votes exist: its y-domain is fitted around them (a point must show).
      vote ??= chart('votes', { nice: false, domain: [seeds[0]! - 0.5, seeds.at(-1)! + 0.5], ticks: seeds }, { nice: false, domain: voteDomain(votes) });
      vote.update(voteChart(votes, seeds, { members: t.series.members, mean: t.series.mean, majority: t.series.majority, weighted: t.series.weighted }));
    };
  }


  function readout(): void {
    const preset = state.preset;
    const parts: string[] = [];
    if (preset === 'first-baseline' && results.arms.size > 0) {
      context.expose('final-accuracies', JSON.stringify(results.accuracies()));
      const [logistic, mlp] = BASELINE_ARMS.map((arm) => results.meanAccuracy(arm));
      parts.push(fill(t.readouts.baseline, { seeds: widgetSeeds(state).length, logistic: percent.format(logistic ?? Number.NaN), mlp: percent.format(mlp ?? Number.NaN), gain: format.short(Math.round(((mlp ?? 0) - (logistic ?? 0)) * 1000) / 10) }));
    }
    if (preset === 'class-imbalance' && confusions.size > 0) {
      context.expose('final-accuracies', JSON.stringify(results.accuracies()));
      context.expose('rare-recalls', JSON.stringify(Object.fromEntries([...confusions].map(([arm, matrices]) => [arm, matrices.map((matrix) => classRecall(matrix, RARE_CLASS))]))));
      parts.push(imbalanceReadout(results, confusions, t, percent));
    }
    if (preset === 'label-noise' && results.lastStep > 0) {
      context.expose('final-accuracies', JSON.stringify(results.accuracies()));
      context.expose('train-accuracies', JSON.stringify(results.accuracies(undefined, 'train')));
      parts.push(noiseReadout(results, t, percent));
    }
    if (preset === 'update-ratio' && ratios.steps.length > 1) {
      const atEpoch = ratios.ratios.map((values) => values[1] ?? Number.NaN);
      const slope = slopeOf([...RATIO_RATES], atEpoch);
      const near = RATIO_RATES[ratioNearBand(ratios.ratios)];
      const losses = ratios.finalLosses().map((l) => (Number.isFinite(l) ? l : Number.POSITIVE_INFINITY));
      const best = RATIO_RATES[losses.indexOf(Math.min(...losses))];
      context.expose('ratio-slope', slope);
      context.expose('final-losses', JSON.stringify(Object.fromEntries(RATIO_RATES.map((rate, r) => [rate, Number.isFinite(losses[r]!) ? losses[r] : null]))));
      parts.push(fill(t.readouts.ratio, { slope: format.short(Math.round(slope * 100) / 100), near: taskNumber(near ?? 0, locale), best: taskNumber(best ?? 0, locale) }));
    }
    if (preset === 'ensemble-vote' && votes) {
      context.expose('votes', JSON.stringify(votes));
      parts.push(fill(t.readouts.votes, { mean: percent.format(votes.mean), best: percent.format(votes.best), majority: percent.format(votes.majority), weighted: percent.format(votes.weighted) }));
    }
    context.readout.textContent = parts.join(' ');
  }

  return {
    plan: (next: ProjectLabState) => {
      plan = projectPlan(next, weights);
      return plan;
    },
    reset: (next: ProjectLabState) => {
      state = next;
      weights = finalWeights();
      plan = projectPlan(next, weights);
      results.clear([...armsOf(next.preset)]);
      confusions.clear();
      ratios.clear();
      votes = null;
      card.update(cardRows(plan, strings, locale));
      context.readout.textContent = '';
      build(next.preset);
    },
    onEvent(run: number, event: EngineEvent) {
      if (event.type === 'checkpoint') {
        // Run 0's final weights go to the prediction run (a step-0 checkpoint is the start, not the end).
        if (state.preset === 'ensemble-vote' && run === 0 && event.checkpoint.step > 0) weights.resolve(event.checkpoint);
        return;
      }
      if (event.type === 'prediction' && state.preset === 'ensemble-vote') {
        votes = voteAccuracies(event.predictions, VALIDATION_LABELS);
        readout();
        return;
      }
      if (event.type !== 'progress') return;
      const total = (plan.runs[run]?.config.training.epochs ?? 0) * STEPS_PER_EPOCH;
      if (state.preset === 'update-ratio') ratios.progress(event);
      else results.progress(run, event);
      if (state.preset === 'class-imbalance') keepConfusion(confusions, armsOf(state.preset)[run] ?? '', event);
      if (state.preset === 'ensemble-vote' && run === 0 && event.step >= total) context.requestCheckpoint(0);
      readout();
    },
    render() {
      draw();
    },
    destroy() {
      charts.splice(0).forEach((handle) => handle.destroy());
    },
  };
}

export const family = defineFamily(projectLab, createView);
