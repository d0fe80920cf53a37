/**
 * DigitsExperiment island: trains the preset's arms (plan.ts), collects accuracy, loss, weight norms and first-
 * layer weights (results.ts) and draws them as the outline asks per preset; exposes `final-accuracies` and the
 * preset's own numbers (docs/widgets.md) for exercises and e2e checks.
 */
import type { EngineEvent } from '@engine/types';
import { DIGITS_MLP_VALIDATION_ACCURACY } from '@engine/pretrained/configs';
import { chartLabels, type PlotKey } from '../common/plot-labels';
import { lineChart } from '../plots/line-chart';
import type { LineChartHandle, LineChartLabels } from '../plots/types';
import { weightTiles } from '../plots/weight-tiles';
import { defaultsOf } from '../shell/params';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { taskNumber } from '../shell/task';
import { fill } from '../shell/text';
import { accuracyCurves, finalDots, lossCurves, normCurves, pairedLines } from './charts';
import { digitsExperiment, type DigitsPreset, type DigitsExperimentState } from './definition';
import { digitsPlan, DROPOUT_SIZES, EARLY_STEP, MAX_NORMS, type DigitsPlan } from './plan';
import { DigitsResults } from './results';
import { describeFinals, outputComparison } from './readouts';
import { digitStrip } from '../plots/digit-strip';
import { buildPracticalTricksView, isPracticalTricks, practicalTricksLabel, practicalTricksReadout, type ViewKit } from './views-practical-tricks';
import { buildDeepLearningMythView, deepLearningMythLabel, deepLearningMythReadout, isDeepLearningMyth } from './views-deep-learning-myth';
import { buildPriorsView, isPriors, priorsLabel } from './views-priors';

const MAX_NORM_LAYERS = ['relu128', 'tanh128'] as const;

function createView(context: ViewContext): FamilyView<typeof digitsExperiment.table> {
  const { strings, locale, plotArea, format } = context;
  const t = strings.digits;
  let state: DigitsExperimentState = defaultsOf(digitsExperiment.table);
  let plan: DigitsPlan = { stepsPerEvent: 1, runs: [] };
  const results = new DigitsResults((run) => plan.runs[run]?.arms ?? []);
  const boxes: HTMLElement[] = [];
  const charts: { update(data: never): void; destroy(): void }[] = [];
  let draw: () => void = () => undefined;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });

  const labels = (key: PlotKey, logY = false): LineChartLabels => {
    return chartLabels(strings, key, { logScale: logY });
  };
  const box = () => {
    const element = document.createElement('div');
    plotArea.append(element);
    boxes.push(element);
    return element;
  };
  /** Accuracy curves span 0–1; finals and paired lines fit their data (differences of a point must show). */
  const chart = (key: PlotKey, options: { logY?: boolean; logX?: boolean; x?: object; fitY?: boolean; title?: string; height?: number } = {}): LineChartHandle => {
    const y = options.logY ? { type: 'log' as const } : options.fitY ? {} : { domain: [0, 1] as [number, number] };
    const x = { nice: true, ...(options.logX ? { type: 'log' as const } : {}), ...options.x };
    const base = labels(key, options.logY);
    // A panel of several of the same kind is titled by what it shows ("… — 2 neurônios").
    const title = options.title ? `${base.title} — ${options.title}` : base.title;
    const handle = lineChart(box(), { locale, labels: { ...base, title }, data: { series: [] }, x, y, ...(options.height ? { height: options.height } : {}) });
    charts.push(handle as never);
    return handle;
  };
  const kit = (): ViewKit => ({
    state, results, strings, locale, format, chart, steps: plan.runs[0]?.config.training.steps ?? 0,
    strip: (data, chart = 'digitsSamples') => {
      const handle = digitStrip(box(), { locale, labels: { ...chartLabels(strings, chart) }, data });
      charts.push(handle as never);
      return handle;
    },
  });
  const armLabel = (arm: string): string => {
    const preset = state.preset;
    if (isPracticalTricks(preset)) return practicalTricksLabel(preset, arm, { state, strings, locale, format });
    if (isDeepLearningMyth(preset)) return deepLearningMythLabel(preset, arm, { strings, locale });
    if (isPriors(preset)) return priorsLabel(arm, { strings, locale });
    switch (preset) {
      case 'pretrained-vs-random':
      case 'frozen-layers':
        return t.arms[arm as 'pretrained'] ?? arm;
      case 'finetune-rates':
        return fill(t.series.rate, { lr: taskNumber(Number(arm), locale, 1) }); // 10⁻², 10⁻¹ as the lessons write them
      case 'dropout-by-size': {
        const [units, p] = arm.split('/');
        return fill(t.series.sizeDropout, { units: units ?? '', p: format.short(Number(p)) });
      }
      case 'max-norm':
        return arm === '0' ? t.arms.maxNormOff : fill(t.arms.maxNormOn, { c: format.short(Number(arm)) });
      default:
        return fill(t.series.outputs, { count: arm.replace(/-repeat$/, '') });
    }
  };

  function build(preset: DigitsPreset): void {
    charts.splice(0).forEach((handle) => handle.destroy());
    boxes.splice(0).forEach((element) => element.remove());
    if (isPracticalTricks(preset)) {
      draw = buildPracticalTricksView(preset, kit(), armLabel);
      return;
    }
    if (isPriors(preset)) {
      draw = buildPriorsView(preset, kit());
      return;
    }
    if (isDeepLearningMyth(preset)) {
      draw = buildDeepLearningMythView(preset, kit(), armLabel);
      return;
    }
    if (preset === 'dropout-by-size') {
      const rate = state.dropout;
      const finals = chart('digitsFinal', { x: { nice: false, domain: [-0.1 * rate, 1.1 * rate] }, fitY: true });
      draw = () => finals.update(finalDots(results, DROPOUT_SIZES.map((units) => {
        const arms = [...results.arms.keys()].filter((arm) => arm.startsWith(`${units}/`));
        return { id: String(units), name: fill(t.series.size, { units }), arms: arms.map((arm) => [Number(arm.split('/')[1]), arm] as [number, string]) };
      }), t.series.seeds));
      return;
    }
    if (preset === 'output-width') {
      const paired = chart('digitsPaired', { x: { nice: false, domain: [9.5, Math.max(10, state.outputs) + 0.5] }, fitY: true });
      draw = () => {
        const arms = [...results.arms.keys()];
        if (arms.length < 2) return paired.update({ series: [] });
        paired.update(pairedLines(results, [[10, arms[0]!], [Number(arms[1]!.replace(/-repeat$/, '')), arms[1]!]], (s) => fill(t.series.seed, { seed: state.seed + s }), t.series.mean));
      };
      return;
    }
    const accuracy = chart('digitsAccuracy');
    const start = preset === 'finetune-rates' ? [{ axis: 'y' as const, value: DIGITS_MLP_VALIDATION_ACCURACY, label: t.series.start }] : [];
    if (preset === 'max-norm') {
      const loss = chart('digitsLoss', { logY: true });
      const norms = chart('digitsNorms', { logY: true });
      // The cap the max-norm arm keeps every unit's incoming weights under.
      const cap = Math.max(...MAX_NORMS);
      const capLine = [{ axis: 'y' as const, value: cap, label: fill(t.series.cap, { c: format.short(cap) }) }];
      draw = () => {
        accuracy.update(accuracyCurves(results, armLabel));
        loss.update(lossCurves(results, armLabel));
        norms.update(normCurves(results, (arm, layer) => fill(t.series.layer, { arm: armLabel(arm), layer }), MAX_NORM_LAYERS, capLine));
      };
      return;
    }
    if (preset === 'frozen-layers') {
      const tiles = weightTiles(box(), { locale, labels: { ...chartLabels(strings, 'digitsTiles'), ...t.tiles }, data: { arms: [] } });
      charts.push(tiles as never);
      draw = () => {
        accuracy.update(accuracyCurves(results, armLabel));
        tiles.update({
          arms: [...results.arms.keys()].map((arm) => {
            const toTile = (kernel: { shape: [number, number]; members: number[][] } | undefined) => (kernel ? { shape: kernel.shape, values: kernel.members[0]! } : undefined);
            return { id: arm, name: armLabel(arm), before: toTile(results.before.get(arm)), after: toTile(results.after.get(arm)) };
          }),
        });
      };
      return;
    }
    draw = () => accuracy.update(accuracyCurves(results, armLabel, start));
  }

  function expose(done: boolean): void {
    const preset = state.preset;
    if (results.arms.size === 0) return;
    context.expose('final-accuracies', JSON.stringify(results.accuracies()));
    // Chapter 3's presets read out per epoch (swaps) or the training loss (depth) instead.
    const parts = isDeepLearningMyth(preset) ? deepLearningMythReadout(preset, kit(), context.expose) : [describeFinals(results, armLabel, t.readouts, percent, results.lastStep)];
    if (isPracticalTricks(preset)) parts.push(...practicalTricksReadout(preset, kit(), armLabel, context.expose, results.lastStep));
    if (preset === 'finetune-rates') {
      context.expose('start-accuracy', DIGITS_MLP_VALIDATION_ACCURACY);
      context.expose('early-accuracies', JSON.stringify(results.accuracies(EARLY_STEP)));
      parts.unshift(fill(t.readouts.early, {
        start: percent.format(DIGITS_MLP_VALIDATION_ACCURACY),
        step: EARLY_STEP,
        values: [...results.arms.keys()].map((arm) => fill(t.readouts.armValue, { arm: armLabel(arm), value: percent.format(results.meanAccuracy(arm, EARLY_STEP)) })).join(' · '),
      }));
    }
    if (preset === 'max-norm')
      // What the norm plot draws: per arm and hidden layer, the largest unit norm at each event.
      context.expose('unit-norm-curves', JSON.stringify(Object.fromEntries([...results.arms].map(([arm, series]) => [arm, Object.fromEntries(MAX_NORM_LAYERS.map((layer) => [layer, series.norms.get(layer) ?? []]))]))));
    if (preset === 'max-norm' && results.unitNorms.size > 0) {
      context.expose('max-unit-norms', JSON.stringify(Object.fromEntries(results.unitNorms)));
      // One value per arm, the largest over its seeds (the plot takes the same maximum).
      const values = [...results.unitNorms].map(([arm, norms]) => fill(t.readouts.armValue, { arm: armLabel(arm), value: format.short(Math.max(...norms)) }));
      parts.push(fill(t.readouts.maxNorm, { seeds: results.unitNorms.values().next().value?.length ?? 0, values: values.join(' · ') }));
    }
    if (preset === 'output-width' && done) {
      const comparison = outputComparison(results);
      if (comparison) {
        context.expose('mean-difference', comparison.meanDifference);
        context.expose('seed-spread', comparison.spread);
        parts.push(fill(t.readouts.outputs, {
          outputs: comparison.outputs,
          difference: format.short(Math.round(comparison.meanDifference * 1000) / 10),
          spread: format.short(Math.round(comparison.spread * 1000) / 10),
          wins: comparison.wins,
          seeds: comparison.seeds,
        }));
      }
    }
    context.readout.textContent = parts.join(' ');
  }

  return {
    plan(next: DigitsExperimentState) {
      plan = digitsPlan(next);
      return plan;
    },
    reset(next: DigitsExperimentState) {
      state = next;
      plan = digitsPlan(next);
      results.clear(plan.runs.flatMap((run) => run.arms));
      context.readout.textContent = '';
      // Axes follow the settings (the dropout rate, the output count): the charts are built for each state.
      build(next.preset);
    },
    onEvent(run: number, event: EngineEvent) {
      const total = plan.runs[run]?.config.training.steps ?? 0;
      if (event.type === 'checkpoint') {
        results.checkpoint(run, event.checkpoint, state.preset === 'max-norm' ? MAX_NORM_LAYERS : []);
        expose(true);
        return;
      }
      if (event.type !== 'progress') return;
      results.progress(run, event);
      const done = event.step >= total;
      // The final weights: tiles after training, the largest unit norms of max-norm.
      if (done && (state.preset === 'frozen-layers' || state.preset === 'max-norm' || state.preset === 'decay-vs-l2')) context.requestCheckpoint(run);
      expose(done && [...results.arms.values()].every((series) => (series.steps.at(-1) ?? 0) >= total));
    },
    render() {
      draw();
    },
    destroy() {
      charts.splice(0).forEach((handle) => handle.destroy());
    },
  };
}

export const family = defineFamily(digitsExperiment, createView);
