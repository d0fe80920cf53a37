/**
 * ForwardBackward island: each step reveals the next stage of one training step (forward, loss, backward,
 * update) in a table of real numbers; after the update the next iteration starts with the new weights.
 */
import type { EngineEvent } from '@engine/types';
import { localProgress } from '../common/local-progress';
import { chartLabels, figureLabels } from '../common/plot-labels';
import { lossCurves } from '../plots/loss-curves';
import { networkGraph } from '../plots/network-graph';
import type { NetworkGraphData } from '../plots/types';
import { element } from '../shell/dom';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import { localRun } from '../shell/local-run';
import type { RunPlan } from '../shell/run';
import { describeHidden, describeOptimizers, plural, taskNumber } from '../shell/task';
import { fill } from '../shell/text';
import { forwardBackward, type ForwardBackwardState } from './definition';
import { exampleParameters, initialParameters, pass, update, type Parameters, type Pass } from './network';

const startingParameters = (state: ForwardBackwardState) =>
  state.start === 'example' ? exampleParameters() : initialParameters(state.seed);
import { quantities, stageKeys } from './stages';

const ITERATIONS = 6;

interface Snapshot {
  iteration: number;
  stage: number;
  pass: Pass;
  next: Parameters;
}

function createView(context: ViewContext): FamilyView<typeof forwardBackward.table> {
  const { strings, locale, plotArea, format } = context;
  const text = strings.forwardBackward;
  const table = element('table', { class: 'dp-fb-table' });
  const caption = element('caption', {}, text.caption);
  const head = element('thead');
  const headRow = element('tr');
  headRow.append(element('th', { scope: 'col' }, text.quantity), element('th', { scope: 'col' }, text.value));
  head.append(headRow);
  const body = element('tbody');
  table.append(caption, head, body);
  const lossBox = element('div');
  const graphBox = element('div');
  plotArea.append(table, graphBox, lossBox);
  const lossPlot = lossCurves(lossBox, { locale, labels: chartLabels(strings, 'loss'), data: { runs: [] } });
  const graph = networkGraph(graphBox, {
    locale,
    labels: {
      title: text.networkTitle,
      description: text.networkDescription,
      layerNames: [text.stages.input, text.stages.hidden, text.stages.output],
      weight: text.weight,
      bias: text.bias,
      from: text.from,
      to: text.to,
      ...figureLabels(strings),
    },
    data: { layers: [2, 2, 1], weights: [], biases: [] },
  });
  /** The parameters as the graph wants them: weights[layer][from][to]. */
  const graphData = (p: Parameters): NetworkGraphData => ({
    layers: [2, 2, 1],
    weights: [
      [[p.w[0][0], p.w[1][0]], [p.w[0][1], p.w[1][1]]],
      [[p.v[0]], [p.v[1]]],
    ],
    biases: [[p.b[0], p.b[1]], [p.c]],
  });
  let shownParameters: Parameters | null = null;

  let snapshot: Snapshot | null = null;
  let lossPoints: { x: number; y: number }[] = [];
  let x: [number, number] = [0, 0];
  let y = 0;

  const plan = (state: ForwardBackwardState): RunPlan => {
    x = [state.x1, state.x2];
    y = state.y;
    const learningRate = state.lr;
    let parameters = startingParameters(state);
    let iteration = 0;
    let stage = -1;
    let current = pass(parameters, x, y);
    const simulation = {
      finished: () => iteration >= ITERATIONS,
      advance: (): EngineEvent[] => {
        stage += 1;
        if (stage === stageKeys.length) {
          parameters = update(parameters, current, learningRate);
          current = pass(parameters, x, y);
          iteration += 1;
          stage = 0;
        }
        if (iteration >= ITERATIONS) return [];
        const next = update(parameters, current, learningRate);
        snapshot = { iteration, stage, pass: current, next };
        // The graph shows the weights in use, and the new ones once the update stage is reached.
        shownParameters = stageKeys[stage] === 'update' ? next : parameters;
        if (stageKeys[stage] === 'loss') lossPoints.push({ x: iteration + 1, y: current.loss });
        const step = iteration * stageKeys.length + stage + 1;
        return [localProgress(step, iteration + 1, [current.loss], learningRate)];
      },
    };
    // The task line from the same settings the pass uses: the one example, the 2-2-1 sigmoid net, SGD and rate, ½ squared error.
    const task = [
      fill(strings.task.example, { x1: taskNumber(x[0], locale), x2: taskNumber(x[1], locale), y: taskNumber(y, locale) }),
      describeHidden([1], [2], ['sigmoid'], strings, locale),
      describeOptimizers(['sgd'], [learningRate], strings, locale),
      strings.task.halfSquared,
      plural(strings.task.steps, ITERATIONS, locale),
    ].join(strings.task.separator);
    return { stepsPerEvent: 1, task, runs: [{ kind: 'local', create: (emit) => localRun(simulation, emit, 1) }] };
  };

  return {
    plan,
    reset(state: ForwardBackwardState) {
      snapshot = null;
      shownParameters = startingParameters(state);
      lossPoints = [];
      body.replaceChildren();
      context.readout.textContent = '';
    },
    onEvent(_run: number, event: EngineEvent) {
      if (event.type === 'progress' && snapshot) {
        context.expose('stage', stageKeys[snapshot.stage] ?? '');
        context.expose('iteration', snapshot.iteration + 1);
      }
    },
    render() {
      if (shownParameters) graph.update(graphData(shownParameters));
      if (!snapshot) return;
      const { iteration, stage, pass: current, next } = snapshot;
      const rows: HTMLTableRowElement[] = [];
      stageKeys.forEach((key, index) => {
        if (index > stage) return;
        const header = element('tr', { class: index === stage ? 'dp-fb-current' : '' });
        header.append(element('th', { colspan: '2', scope: 'colgroup' }, text.stages[key]));
        rows.push(header);
        for (const quantity of quantities(key, x, y, current, next)) {
          const row = element('tr');
          row.append(element('th', { scope: 'row' }, quantity.symbol), element('td', {}, format.short(quantity.value)));
          rows.push(row);
        }
      });
      body.replaceChildren(...rows);
      const key = stageKeys[stage];
      context.readout.textContent = `${fill(text.iteration, { n: iteration + 1 })}. ${key ? text.explain[key] : ''}`;
      lossPlot.update({ runs: [{ id: 'loss', name: strings.series.loss, points: lossPoints }] });
    },
    destroy() {
      graph.destroy();
      lossPlot.destroy();
    },
  };
}

export const family = defineFamily(forwardBackward, createView);
