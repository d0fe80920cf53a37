/**
 * ComputePaths island: says what the benchmark will measure, runs it when the reader asks (bench.ts), and draws
 * the reader's own numbers: examples per second against population size (log–log), one line per path that
 * started, the paths that did not start with the reason, and which path is fastest from which population on.
 * Before a run (and in the pre-rendered page) there is no number: nothing is measured yet.
 */
import type { EngineEvent } from '@engine/types';
import { chartLabels } from '../common/plot-labels';
import { lineChart } from '../plots/line-chart';
import type { LineSeries } from '../plots/types';
import { defaultsOf } from '../shell/params';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { fill, type WidgetStrings } from '../shell/text';
import { runBenchmark, type BenchHandle } from './bench';
import { computePaths, type ComputePathsState } from './definition';
import { BENCH_PATHS, Measurements, POPULATIONS, WARMUP_STEPS, type BenchPath, type Missing } from './workload';

export function pathLabel(strings: WidgetStrings, id: string): string {
  if (Object.hasOwn(strings.computePaths, id)) return strings.computePaths[id as keyof WidgetStrings['computePaths']];
  if (Object.hasOwn(strings.backends, id)) return strings.backends[id as keyof WidgetStrings['backends']];
  return id;
}

function missingText(strings: WidgetStrings, why: Missing): string {
  const t = strings.benchmark;
  if (why.kind === 'lost') return t.lost;
  if (why.kind === 'failed') return t.failed;
  const reasons = t.reasons as Record<string, string>;
  return fill(t.unavailable, { reason: Object.hasOwn(reasons, why.reason) ? (reasons[why.reason] as string) : reasons.init_failed! });
}

function createView(context: ViewContext): FamilyView<typeof computePaths.table> {
  const { strings, locale, plotArea, format } = context;
  const t = strings.benchmark;
  const measurements = new Measurements();
  let state: ComputePathsState = defaultsOf(computePaths.table);
  let bench: BenchHandle | null = null;

  const panel = document.createElement('div');
  panel.className = 'dp-wide dp-benchmark';
  const intro = document.createElement('p');
  const live = document.createElement('div');
  live.className = 'dp-live-only dp-benchmark__run';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'dp-play';
  button.dataset.action = 'benchmark';
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  live.append(button, status);
  const list = document.createElement('ul');
  list.className = 'dp-benchmark__paths';
  const items = new Map(BENCH_PATHS.map((path) => [path.id, document.createElement('li')]));
  list.append(...items.values());
  panel.append(intro, live, list);
  const chartBox = document.createElement('div');
  chartBox.className = 'dp-wide';
  chartBox.hidden = true;
  plotArea.append(panel, chartBox);
  const chart = lineChart(chartBox, { locale, labels: chartLabels(strings, 'throughput'), data: { series: [] }, x: { type: 'log', nice: false, domain: [0.7, 180] }, y: { type: 'log' } });

  const seconds = () => state.seconds;
  const setRunning = (running: boolean) => {
    button.textContent = running ? t.stop : measurements.throughput.size > 0 ? t.again : t.run;
    context.expose('benchmark', running ? 'running' : measurements.throughput.size + measurements.missing.size > 0 ? 'done' : 'idle');
  };

  function drawPaths(current?: BenchPath): void {
    for (const path of BENCH_PATHS) {
      const item = items.get(path.id) as HTMLLIElement;
      const cells = measurements.throughput.get(path.id);
      const missing = measurements.missing.get(path.id);
      let text = t.pending;
      if (missing) text = missingText(strings, missing);
      else if (cells?.size) {
        const parts = [...cells].map(([p, v]) => fill(t.cell, { population: p, value: format.integer(v) }));
        const from = measurements.tooSlowFrom.get(path.id);
        if (from !== undefined) parts.push(fill(t.tooSlow, { population: from, seconds: format.short(seconds()) }));
        text = parts.join(strings.task.separator);
      }
      else if (current?.id === path.id) text = t.measuring;
      item.textContent = fill(t.path, { path: pathLabel(strings, path.id), text });
    }
  }

  function draw(current?: BenchPath): void {
    drawPaths(current);
    const series: LineSeries[] = BENCH_PATHS.flatMap((path, index) => {
      const cells = measurements.throughput.get(path.id);
      return cells?.size ? [{ id: path.id, name: pathLabel(strings, path.id), points: [...cells].map(([x, y]) => ({ x, y })), color: index, dash: index, symbol: index }] : [];
    });
    chartBox.hidden = series.length === 0;
    chart.update({ series });
    context.expose('throughput', JSON.stringify(measurements.toJSON()));
    context.expose('too-slow-from', JSON.stringify(Object.fromEntries(measurements.tooSlowFrom)));
    context.expose('unavailable', JSON.stringify(Object.fromEntries([...measurements.missing].map(([id, why]) => [id, why.kind === 'unavailable' ? why.reason : why.kind]))));
    const winners = measurements.winners();
    context.readout.textContent = winners.length === 0 ? '' : fill(t.winners, {
      list: winners.map((run) => fill(run.last ? t.winnerFrom : run.from === run.to ? t.winnerAt : t.winnerRange, { path: pathLabel(strings, run.id), from: run.from, to: run.to })).join(strings.task.separator),
    });
  }

  function start(): void {
    measurements.clear();
    draw();
    setRunning(true);
    const handle = runBenchmark(seconds(), state.seed, {
      cell: (path, population, index, total) => {
        status.textContent = fill(t.progress, { path: pathLabel(strings, path.id), population, index: index + 1, total });
        drawPaths(path);
      },
      measured: (path, population, value) => {
        measurements.add(path.id, population, value);
        draw(path);
      },
      tooSlow: (path, population) => {
        measurements.tooSlowFrom.set(path.id, population);
        draw();
      },
      missing: (path, why) => {
        measurements.missing.set(path.id, why);
        draw();
      },
    });
    bench = handle;
    void handle.done.then(() => {
      if (bench !== handle) return;
      bench = null;
      status.textContent = fill(t.done, { count: measurements.throughput.size });
      setRunning(false);
    });
  }

  function stop(): void {
    bench?.cancel();
    bench = null;
    status.textContent = t.stopped;
    setRunning(false);
  }

  button.addEventListener('click', () => (bench ? stop() : start()));

  return {
    plan: (next: ComputePathsState) => ({
      runs: [],
      stepsPerEvent: 1,
      task: fill(t.task, { populations: POPULATIONS.join(strings.task.comma), seconds: format.short(next.seconds), warmup: WARMUP_STEPS }),
    }),
    reset(next: ComputePathsState) {
      bench?.cancel();
      bench = null;
      state = next;
      measurements.clear();
      context.expose('paths', BENCH_PATHS.length);
      intro.textContent = fill(t.intro, { seconds: format.short(seconds()), populations: POPULATIONS.join(strings.task.comma) });
      status.textContent = fill(t.idle, { cells: BENCH_PATHS.length * POPULATIONS.length, seconds: format.short(seconds()) });
      draw();
      setRunning(false);
    },
    onEvent(_run: number, _event: EngineEvent) {},
    render() {},
    destroy() {
      bench?.cancel();
      chart.destroy();
      panel.remove();
      chartBox.remove();
    },
  };
}

export const family = defineFamily(computePaths, createView);
