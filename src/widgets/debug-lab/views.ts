/**
 * The lab's views: TrainingDashboard's six views (src/widgets/training-dashboard/views.ts) draw the case; the loss,
 * activation and gradient views overlay the dashboard's shipped healthy reference (its first `epochs` epochs) or,
 * after «show the fix», the network without its bug, recorded as the dashboard records a run. View 1 shows
 * what the case's network is fed: the engine's `datasetSummary` of the faulty config and its own rows, so a
 * bug in the data shows there (×255, a validation split with its own statistics).
 */
import type { ProgressEvent, RunConfig } from '@engine/types';
import { createDashboardViews, inputsFromSummary, loadHealthyReference, type DashboardInputs, type DashboardRecord, type DashboardViews } from '../training-dashboard/views';
import { DashboardRecorder } from '../training-dashboard/record';
import type { ViewContext } from '../shell/family';
import type { DebugLabState } from './definition';
import { HISTOGRAM_BINS, type LabPlan } from './plan';

/** Sample digits per split in view 1. */
const SAMPLES = 16;

/** View 1's data for a config: its split statistics and the first rows of each split as the network sees them. */
async function computeInputs(config: RunConfig): Promise<DashboardInputs> {
  const [{ datasetSummary }, { buildDataset }, { validateConfig }] = await Promise.all([
    import('@engine/datasets/summary'), import('@engine/datasets'), import('@engine/validate'),
  ]);
  const resolved = validateConfig(config);
  const [summary, built] = await Promise.all([datasetSummary(resolved), buildDataset(resolved.dataset, resolved.dataset.seed, resolved.faults)]);
  const size = resolved.model.inputShape.reduce((a, b) => a * b, 1);
  const rows = (inputs: Float32Array) => Array.from({ length: SAMPLES }, (_, i) => inputs.subarray(i * size, (i + 1) * size));
  return inputsFromSummary(summary, { train: rows(built.train.inputs), validation: rows(built.validation.inputs) });
}

/** Inputs by what decides them (the dataset and the faults): few distinct ones, each computed once per page. */
const inputsCache = new Map<string, { promise: Promise<DashboardInputs>; value?: DashboardInputs }>();

/** View 1's data for a config, computed once; `value` is there as soon as it resolved. */
export function fedInputs(config: RunConfig): { promise: Promise<DashboardInputs>; value?: DashboardInputs } {
  const key = JSON.stringify([config.dataset, config.faults ?? []]);
  let entry = inputsCache.get(key);
  if (!entry) {
    const fresh: { promise: Promise<DashboardInputs>; value?: DashboardInputs } = { promise: computeInputs(config) };
    fresh.promise.then((value) => (fresh.value = value), () => inputsCache.delete(key));
    inputsCache.set(key, fresh);
    entry = fresh;
  }
  return entry;
}

/** TrainingDashboard's shipped healthy reference (the project model from seed 1, 20 epochs), loaded once a page. */
let reference: { promise: Promise<DashboardRecord>; value?: DashboardRecord } | null = null;

export function healthyReference(): { promise: Promise<DashboardRecord>; value?: DashboardRecord } {
  if (!reference) {
    const fresh: { promise: Promise<DashboardRecord>; value?: DashboardRecord } = { promise: loadHealthyReference() };
    fresh.promise.then((value) => (fresh.value = value), () => (reference = null));
    reference = fresh;
  }
  return reference;
}

/** The reference's first `epochs` epochs (the case's axes end there). */
export function firstEpochs(record: DashboardRecord, epochs: number): DashboardRecord {
  const points = record.points.filter((point) => point.epoch <= epochs + 1e-9);
  const last = points.at(-1)?.step ?? 0;
  return { ...record, points, hidden: record.hidden.filter((entry) => entry.step <= last), divergedAt: record.divergedAt !== null && record.divergedAt <= last ? record.divergedAt : null };
}

export class LabViews {
  private readonly views: DashboardViews;
  private readonly beside = new DashboardRecorder(HISTOGRAM_BINS);
  private shownVersion = -1;
  /** Bumped on every reset: inputs computed for an older case are dropped. */
  private generation = 0;
  private fixed = false;

  constructor(root: HTMLElement, private readonly context: ViewContext) {
    this.views = createDashboardViews(root, { strings: context.strings, locale: context.locale, epochs: 15, bins: HISTOGRAM_BINS });
    // The module's panels are named regions (landmarks): beside a TrainingDashboard on the same page (the Lab) their
    // names repeat, which axe refuses (landmark-unique). As named groups they are no landmarks; lab-needs.md asks
    // the module for it.
    root.querySelectorAll('.dp-dash__panel').forEach((panel) => panel.setAttribute('role', 'group'));
  }

  reset(state: DebugLabState, plan: LabPlan): void {
    const generation = ++this.generation;
    this.fixed = state.fix === 'on';
    this.views.reset({ epochs: state.epochs, bins: HISTOGRAM_BINS });
    this.beside.clear(HISTOGRAM_BINS);
    this.shownVersion = -1;
    this.views.setReference(null);
    this.views.setInputs(null);
    if (!this.fixed) {
      const healthy = healthyReference();
      const show = (record: DashboardRecord) => this.views.setReference(firstEpochs(record, state.epochs));
      if (healthy.value) show(healthy.value);
      else healthy.promise.then((record) => {
        if (generation === this.generation) show(record);
      }, (error: unknown) => console.warn('[debug-lab] healthy reference', error));
    }
    const config = plan.runs[0]?.config;
    if (!config) return;
    const inputs = fedInputs(config);
    if (inputs.value) this.views.setInputs(inputs.value);
    else inputs.promise.then((value) => {
      if (generation === this.generation) this.views.setInputs(value);
    }, (error: unknown) => console.warn('[debug-lab] inputs view', error));
  }

  /** A progress event of the case, or of the fixed network beside it. */
  progress(role: 'case' | 'beside', event: ProgressEvent): void {
    if (role === 'case') this.views.update(event);
    else this.beside.add(event, 0);
  }

  render(): void {
    if (this.beside.version !== this.shownVersion && this.beside.points.length > 0) {
      this.shownVersion = this.beside.version;
      this.views.setReference(this.beside.record(), { label: this.context.strings.debugLab.fixedSeries });
    }
    this.views.render();
  }

  destroy(): void {
    this.views.destroy();
  }
}
