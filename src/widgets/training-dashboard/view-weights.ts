/**
 * Views 3 and 6, from the streamed parameters (about once an epoch): (3) histograms of each layer's weights and
 * biases, a ridgeline of the snapshots up to the one the scrubber picks (the latest while the scrubber is at its
 * end); (6) the 32 hidden units' incoming weights as 28×28 images: the first snapshot beside what training has
 * changed since (latest − first), on one colour scale. In the latest weights the strokes a unit learned sit under
 * He's initial noise of about their own size (the change is 0.83–0.88 × ‖W_first‖, claims.md «dashboard»), so only
 * the change shows them clearly.
 */
import { formatValue } from '../plots/format';
import { layerHistograms } from '../plots/histograms';
import type { HistogramsData, PlotHandle } from '../plots/types';
import { weightTiles, type WeightTilesData } from '../plots/weight-tiles';
import { fill } from '../shell/text';
import type { ViewKit } from './kit';
import { STREAMED_PARAMS } from './plan';
import type { DashboardRecorder, StreamedName } from './record';

/** Snapshots stacked in a ridgeline: the scrubbed one in front, up to 5 before it behind. */
const RIDGE_DEPTH = 6;
/** The project model's 32 hidden units: 4 rows of 8 tiles. */
const TILE_ROWS = 4;

export interface WeightsView {
  draw(recorder: DashboardRecorder): void;
  destroy(): void;
}

/** View 3. `onScrub`: the reader moved the scrubber (the caller schedules a redraw). */
export function parametersView(panel: HTMLElement, kit: ViewKit, onScrub: () => void): WeightsView {
  const { t, locale } = kit;
  const scrubber = document.createElement('label');
  scrubber.className = 'dp-dash__scrubber dp-live-only';
  const caption = document.createElement('span');
  const input = document.createElement('input');
  input.type = 'range';
  input.min = '0';
  input.max = '0';
  input.step = '1';
  input.value = '0';
  input.disabled = true;
  const value = document.createElement('output');
  scrubber.append(caption, input, value);
  caption.textContent = t.weights.scrubber;
  const box = document.createElement('div');
  box.className = 'dp-dash__chart';
  panel.append(scrubber, box);
  const chart = kit.labels('parameters');
  const histograms: PlotHandle<HistogramsData> = layerHistograms(box, {
    locale,
    labels: { ...chart, step: t.weights.epoch, mean: t.weights.mean, std: t.weights.std, layer: t.weights.layer },
    data: { layers: [] },
    depth: RIDGE_DEPTH,
  });
  /** Follow the newest snapshot until the reader moves the scrubber off the end. */
  let following = true;
  input.addEventListener('input', () => {
    following = Number(input.value) === Number(input.max);
    onScrub();
  });
  const names: Record<StreamedName, string> = {
    'hidden/kernel': t.series.hiddenKernel,
    'hidden/bias': t.series.hiddenBias,
    'output/kernel': t.series.outputKernel,
    'output/bias': t.series.outputBias,
  };

  return {
    draw(recorder) {
      const snapshots = recorder.parameters;
      const last = Math.max(0, snapshots.length - 1);
      input.max = String(last);
      input.disabled = snapshots.length < 2;
      if (following || Number(input.value) > last) input.value = String(last);
      const shown = Number(input.value);
      const visible = snapshots.slice(0, shown + 1);
      const epoch = visible.at(-1)?.epoch;
      value.textContent = epoch === undefined ? '' : fill(t.weights.epochValue, { epoch: formatValue(locale, Math.round(epoch * 10) / 10) });
      input.setAttribute('aria-valuetext', value.textContent);
      histograms.update({
        layers: snapshots.length === 0 ? [] : STREAMED_PARAMS.map((name) => ({
          id: name.replace('/', '-'),
          name: names[name],
          // The histogram plots label a snapshot by its «step»: here the epoch, to one decimal.
          snapshots: visible.map((s) => ({ step: Math.round(s.epoch * 10) / 10, edges: s.histograms[name].edges, counts: s.histograms[name].counts })),
        })),
      });
    },
    destroy() {
      histograms.destroy();
      scrubber.remove();
      box.remove();
    },
  };
}

/** View 6. */
export function filtersView(panel: HTMLElement, kit: ViewKit): WeightsView {
  const { t, locale } = kit;
  const box = document.createElement('div');
  box.className = 'dp-dash__chart';
  panel.append(box);
  const labels = { ...kit.labels('filters'), before: t.filters.first, after: t.filters.latest, largest: t.filters.largest };
  let tiles: PlotHandle<WeightTilesData> | null = null;
  let drawn: unknown = null;
  const note = document.createElement('p');
  note.className = 'dp-dash__note';
  panel.append(note);

  return {
    draw(recorder) {
      const first = recorder.firstKernel;
      const latest = recorder.lastKernel;
      if (latest === drawn) return;
      drawn = latest;
      const kernel = (param: typeof first, values: ArrayLike<number> = param?.values[0] ?? []) =>
        (param ? { shape: [param.shape[0] ?? 0, param.shape[1] ?? 0] as [number, number], values } : undefined);
      const start = first?.values[0] ?? [];
      const before = kernel(first);
      const after = kernel(latest, Float32Array.from(latest?.values[0] ?? [], (v, i) => v - (start[i] ?? 0)));
      const data: WeightTilesData = { arms: [{ id: 'hidden', name: t.filters.units, ...(before ? { before } : {}), ...(after ? { after } : {}) }] };
      if (tiles) tiles.update(data);
      else tiles = weightTiles(box, { locale, labels, data, rows: TILE_ROWS });
      const epochs = recorder.parameters.map((s) => s.epoch);
      note.textContent = epochs.length ? fill(t.filters.note, { first: formatValue(locale, Math.round(epochs[0]! * 10) / 10), latest: formatValue(locale, Math.round(epochs.at(-1)! * 10) / 10) }) : '';
    },
    destroy() {
      tiles?.destroy();
      box.remove();
      note.remove();
    },
  };
}
