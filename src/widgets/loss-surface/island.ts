/**
 * LossSurface island: three optimizers from the same start on an analytic surface (plain TS, no tfjs).
 * Contours are computed once per surface; trajectories grow every step.
 */
import type { EngineEvent } from '@engine/types';
import { localProgress } from '../common/local-progress';
import { chartLabels } from '../common/plot-labels';
import { seriesName } from '../common/series-names';
import { lineChart } from '../plots/line-chart';
import type { LineSeries } from '../plots/types';
import type { Family, ViewContext } from '../shell/family';
import { localRun } from '../shell/local-run';
import type { AnyState } from '../shell/params';
import type { RunPlan } from '../shell/run';
import { fill } from '../shell/text';
import { contourLines } from './contours';
import { lossSurface } from './definition';
import { createWalker, optimizerKeys, surfaces, type Surface } from './surfaces';

const CONTOUR_COLOR = 7;

function createView(context: ViewContext) {
  const { strings, locale, plotArea, format } = context;
  const box = document.createElement('div');
  plotArea.append(box);
  let surface: Surface = surfaces.ravine;
  let chart = lineChart(box, { locale, labels: chartLabels(strings, 'surface'), data: { series: [] } });
  let contours: LineSeries[] = [];
  let paths: { x: number; y: number }[][] = [];
  let steps = 0;

  const plan = (state: AnyState): RunPlan => {
    const chosen = surfaces[state.surface as keyof typeof surfaces] ?? surfaces.ravine;
    const learningRate = Number(state.lr);
    const total = Number(state.steps);
    const walkers = optimizerKeys.map((key) => createWalker(key, chosen.start));
    let done = 0;
    const simulation = {
      finished: () => done >= total,
      advance: (): EngineEvent[] => {
        walkers.forEach((walker, index) => {
          walker.step(chosen, learningRate);
          paths[index]?.push({ x: walker.position[0], y: walker.position[1] });
        });
        done += 1;
        steps = done;
        const losses = walkers.map((walker) => chosen.loss(walker.position[0], walker.position[1]));
        return [localProgress(done, done, losses, learningRate)];
      },
    };
    return { stepsPerEvent: 1, runs: [{ kind: 'local', create: (emit) => localRun(simulation, emit, 2) }] };
  };

  return {
    plan,
    reset(state: AnyState) {
      const next = surfaces[state.surface as keyof typeof surfaces] ?? surfaces.ravine;
      if (next !== surface || contours.length === 0) {
        surface = next;
        chart.destroy();
        chart = lineChart(box, {
          locale,
          labels: chartLabels(strings, 'surface'),
          data: { series: [] },
          x: { domain: surface.extent.x },
          y: { domain: surface.extent.y },
        });
        contours = contourLines(surface).map((ring, index) => ({
          id: `contour-${index}`,
          name: strings.series.loss,
          points: ring.points,
          color: CONTOUR_COLOR,
          width: 0.8,
          opacity: 0.45,
          dash: 0,
          showSymbols: false,
          hideInLegend: true,
          hideInTable: true,
        }));
      }
      paths = optimizerKeys.map(() => [{ x: surface.start[0], y: surface.start[1] }]);
      steps = 0;
      context.readout.textContent = '';
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type !== 'progress') return;
      const finals = Object.fromEntries(optimizerKeys.map((key, index) => [key, event.members[index]?.trainLoss ?? Number.NaN]));
      context.expose('final-losses', JSON.stringify(finals));
      context.readout.textContent = fill(strings.readouts.surface, {
        steps: format.integer(steps),
        values: optimizerKeys.map((key) => `${seriesName(strings, key)} ${format.short(finals[key] ?? Number.NaN)}`).join(' · '),
      });
    },
    render() {
      const trajectories: LineSeries[] = optimizerKeys.map((key, index) => ({
        id: key,
        name: seriesName(strings, key),
        points: paths[index] ?? [],
        color: index,
        showSymbols: false,
      }));
      chart.update({ series: [...contours, ...trajectories] });
    },
    destroy() {
      chart.destroy();
    },
  };
}

export const family: Family = { definition: lossSurface, createView };
