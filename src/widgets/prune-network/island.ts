/**
 * PruneNetwork island: the population's validation accuracies (one 'evaluation' event) against the pruning level s,
 * the unpruned level dashed, and the first layer's 32 units as weight images before and after pruning at the shown
 * level, read from the pruned checkpoint the run restored (its step-0 'checkpoint' event).
 */
import type { Checkpoint, EngineEvent } from '@engine/types';
import { figureLabels } from '../common/plot-labels';
import { lineChart } from '../plots/line-chart';
import { weightTiles } from '../plots/weight-tiles';
import type { LineChartData, LineChartLabels } from '../plots/types';
import type { TileArm } from '../plots/weight-tiles';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { fill, type WidgetStrings } from '../shell/text';
import { pruneNetwork, type PruneNetworkState } from './definition';
import { DIGITS_MLP_WIDTHS, VALIDATION_DIGITS } from '../common/digits-mlp';
import { pruneLevels, prunePlan } from './plan';

const HIDDEN_KERNEL = 'hidden/kernel';

function labels(strings: WidgetStrings, chart: 'accuracy' | 'tiles'): LineChartLabels {
  return { ...strings.pruning.charts[chart], ...figureLabels(strings) };
}

/** "0 / 0,5 / … / 0,99" in the page's numbers. */
const list = (values: number[], short: (v: number) => string) => values.map(short).join(' / ');

export function pruneTask(state: PruneNetworkState, strings: WidgetStrings, short: (v: number) => string): string {
  return fill(strings.pruning.task, {
    widths: DIGITS_MLP_WIDTHS.map(String).join(' → '),
    levels: list(pruneLevels(state), short),
    digits: String(VALIDATION_DIGITS),
  });
}

function kernelOf(checkpoint: Checkpoint, member: number): TileArm['before'] {
  const record = checkpoint.members[member]?.[HIDDEN_KERNEL];
  return record ? { shape: [record.shape[0] ?? 0, record.shape[1] ?? 0], values: record.data } : undefined;
}

function createView(context: ViewContext): FamilyView<typeof pruneNetwork.table> {
  const { strings, locale, plotArea, format } = context;
  const text = strings.pruning;
  const box = () => plotArea.appendChild(document.createElement('div'));
  const chartBox = box();
  chartBox.classList.add('dp-wide'); // the cliff near s = 1 needs the width
  const accuracyPlot = lineChart(chartBox, {
    locale,
    height: (width) => Math.round(Math.max(240, Math.min(360, width * 0.45))),
    labels: labels(strings, 'accuracy'),
    data: { series: [] },
    x: { domain: [0, 1] },
    y: { domain: [0, 1] },
  });
  const tilesBox = box();
  tilesBox.classList.add('dp-wide');
  const tiles = weightTiles(tilesBox, { locale, labels: { ...labels(strings, 'tiles'), ...strings.digits.tiles }, data: { arms: [] }, rows: 4 });
  let levels: number[] = [];
  let shown = 0.9;
  let accuracy: (number | null)[] | null = null;
  let arm: TileArm | null = null;

  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const percent = (value: number) => percentFormat.format(value);
  const signed = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

  function chartData(): LineChartData {
    if (!accuracy) return { series: [] };
    const points = levels.map((x, p) => ({ x, y: accuracy?.[p] ?? Number.NaN })).filter((point) => Number.isFinite(point.y));
    const at = points.find((point) => point.x === shown);
    return {
      series: [
        { id: 'accuracy', name: text.series.accuracy, points, color: 0, dash: 0, symbol: 0 },
        ...(at ? [{ id: 'shown', name: fill(text.series.shown, { level: format.short(shown) }), points: [at], mark: 'dot' as const, color: 1, symbol: 1, symbolSize: 6 }] : []),
      ],
      guides: accuracy[0] == null ? [] : [{ axis: 'y', value: accuracy[0], label: fill(text.unpruned, { accuracy: percent(accuracy[0]) }) }],
    };
  }

  return {
    plan: (state: PruneNetworkState) => ({ ...prunePlan(state), task: pruneTask(state, strings, format.short) }),
    reset(state: PruneNetworkState) {
      levels = pruneLevels(state);
      shown = Math.round(state.shown * 100) / 100;
      accuracy = null;
      arm = null;
      context.readout.textContent = '';
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type === 'checkpoint' && event.checkpoint.members.length === levels.length) {
        const member = levels.indexOf(shown);
        const before = kernelOf(event.checkpoint, 0);
        const after = kernelOf(event.checkpoint, member);
        const total = before ? before.shape[0] * before.shape[1] : 0;
        const kept = after ? Array.from(after.values).filter((v) => v !== 0).length : 0;
        arm = { id: 'shown', name: fill(text.tilesName, { level: format.short(shown), kept: format.integer(kept), total: format.integer(total) }), ...(before ? { before } : {}), ...(after ? { after } : {}) };
      }
      if (event.type === 'evaluation') {
        accuracy = event.members.map((m) => m.accuracy);
        const byLevel = Object.fromEntries(levels.map((level, p) => [String(level), accuracy?.[p] ?? null]));
        context.expose('accuracies', JSON.stringify(byLevel));
        const base = accuracy[0] ?? Number.NaN;
        const at = accuracy[levels.indexOf(shown)] ?? Number.NaN;
        context.readout.textContent = fill(text.readout, {
          unpruned: percent(base),
          level: format.short(shown),
          accuracy: percent(at),
          change: signed.format(Math.round((at - base) * 1000) / 10).replace('-', '−'),
        });
      }
    },
    render() {
      accuracyPlot.update(chartData());
      tiles.update({ arms: arm ? [arm] : [] });
    },
    destroy() {
      accuracyPlot.destroy();
      tiles.destroy();
    },
  };
}

export const family = defineFamily(pruneNetwork, createView);
