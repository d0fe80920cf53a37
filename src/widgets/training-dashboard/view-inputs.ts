/**
 * View 1, inputs: 16 training and 16 validation digits as the network is fed them (rescaled to [0, 1] to be seen,
 * the undone preprocessing of the source), the histogram of every input value per split (a healthy input sits in
 * [0, 1]; 255 means unscaled pixels), and the last batch: its loss and the hash of its rows, with how many
 * distinct batches the run has fed so far (one, again and again, is the «same batch» bug).
 */
import { digitStrip } from '../plots/digit-strip';
import type { LineChartHandle, PlotHandle } from '../plots/types';
import type { DigitStripData } from '../plots/digit-strip';
import { formatValue } from '../plots/format';
import { fill } from '../shell/text';
import { histogramPoints } from './charts';
import { displayImage, type DashboardInputs } from './inputs';
import type { ViewKit } from './kit';
import type { DashboardRecord } from './record';

/** Images per strip row on a narrow screen (16 would draw each digit about 20 px wide on a phone). */
const NARROW_ROW = 8;

export interface InputsView {
  draw(record: DashboardRecord, inputs: DashboardInputs | null): void;
  /** Changes when the panel crosses the width where the strip's rows change (a redraw key). */
  readonly layout: number;
  destroy(): void;
}

/** The hash as 8 hex digits (a 32-bit unsigned value). */
export const fingerprintText = (fingerprint: number): string => (fingerprint >>> 0).toString(16).toUpperCase().padStart(8, '0');

/** `onLayout`: the panel crossed the strip's width breakpoint (the caller schedules a redraw). */
export function inputsView(panel: HTMLElement, kit: ViewKit, onLayout: () => void): InputsView {
  const { t, strings, locale } = kit;
  const stripBox = document.createElement('div');
  stripBox.className = 'dp-dash__chart';
  panel.append(stripBox);
  let strip: PlotHandle<DigitStripData> | null = null;
  const histogram: LineChartHandle = kit.chart(panel, 'inputHistogram', { nice: true }, {}, true);
  const batch = document.createElement('p');
  batch.className = 'dp-dash__note';
  panel.append(batch);
  let drawnInputs: DashboardInputs | null = null;
  let drawnNarrow: boolean | null = null;
  // The panel's width, watched rather than read at each draw: reading it there would force a layout of the page
  // in every frame of a run. Without a ResizeObserver (the pre-render) it is read when the inputs are drawn.
  let width: number | null = null;
  let layout = 0;
  const narrowAt = (w: number) => w > 0 && w < 420;
  const observer = typeof ResizeObserver === 'function'
    ? new ResizeObserver((entries) => {
      const next = entries.at(-1)?.contentRect.width ?? 0;
      if (width === null || narrowAt(next) !== narrowAt(width)) {
        layout++;
        onLayout();
      }
      width = next;
    })
    : null;
  observer?.observe(panel);

  function stripData(inputs: DashboardInputs, narrow: boolean): DigitStripData {
    const perRow = narrow ? NARROW_ROW : Number.MAX_SAFE_INTEGER;
    const rows = (id: string, name: string, split: DashboardInputs['train']) => {
      const images = split.images.map((image) => displayImage(image, split.min, split.max));
      const out = [];
      for (let start = 0; start < images.length; start += perRow) {
        out.push({ id: `${id}-${start}`, name: start === 0 ? name : fill(t.inputs.more, { name }), images: images.slice(start, start + perRow) });
      }
      return out;
    };
    return { rows: [...rows('train', t.inputs.train, inputs.train), ...rows('validation', t.inputs.validation, inputs.validation)] };
  }

  function drawInputs(inputs: DashboardInputs | null): void {
    const narrow = narrowAt(width ?? panel.clientWidth);
    if (inputs === drawnInputs && narrow === drawnNarrow) return;
    drawnInputs = inputs;
    drawnNarrow = narrow;
    if (!inputs) {
      strip?.destroy();
      strip = null;
      histogram.update({ series: [] });
      return;
    }
    const data = stripData(inputs, narrow);
    if (strip) strip.update(data);
    else strip = digitStrip(stripBox, { locale, labels: { ...kit.labels('samples') }, data });
    const range = (split: DashboardInputs['train']) => fill(t.inputs.range, { min: formatValue(locale, split.min), max: formatValue(locale, split.max) });
    histogram.update({
      series: [
        { id: 'train', name: fill(t.inputs.split, { name: t.inputs.train, range: range(inputs.train) }), points: histogramPoints(inputs.train.histogram), color: 0, symbol: 0 },
        { id: 'validation', name: fill(t.inputs.split, { name: t.inputs.validation, range: range(inputs.validation) }), points: histogramPoints(inputs.validation.histogram), color: 1, dash: 1, symbol: 1 },
      ],
    });
  }

  function drawBatch(record: DashboardRecord): void {
    const last = record.points.at(-1);
    if (!last || last.batchFingerprint === null) {
      batch.textContent = t.inputs.noBatch;
      return;
    }
    const distinct = new Set(record.points.map((p) => p.batchFingerprint)).size;
    batch.textContent = fill(t.inputs.batch, {
      loss: Number.isFinite(last.batchLoss) ? formatValue(locale, last.batchLoss) : strings.plots.common.diverged,
      fingerprint: fingerprintText(last.batchFingerprint),
      distinct,
      events: record.points.length,
    });
  }

  return {
    draw(record, inputs) {
      drawInputs(inputs);
      drawBatch(record);
    },
    get layout() {
      return layout;
    },
    destroy() {
      observer?.disconnect();
      strip?.destroy();
      histogram.destroy();
      panel.querySelectorAll('.dp-dash__chart, .dp-dash__note').forEach((node) => node.remove());
    },
  };
}
