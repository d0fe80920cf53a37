/**
 * ModelGraph island: the model of the current state as a stack of layer boxes (plots/layer-stack). Every shape
 * and count is read from the engine's plan of the model (model.ts); this file only writes them in the page's
 * language: names, "[lote, 784] → [lote, 32]", "784 · 32 + 32", badges, the readout and the task line.
 */
import type { EngineEvent } from '@engine/types';
import { figureLabels } from '../common/plot-labels';
import { layerStack } from '../plots/layer-stack';
import type { LayerBox, LayerStackData } from '../plots/types';
import { defineFamily, type FamilyView, type ViewContext } from '../shell/family';
import type { RunPlan } from '../shell/run';
import { plural } from '../shell/task';
import { fill, optionLabel, type NumberFormatter, type WidgetStrings } from '../shell/text';
import { modelGraph, type ModelGraphState } from './definition';
import { planOf, type ModelPlan, type PlannedLayer } from './model';

/** Everything the view shows for one state, in one language. */
export interface ModelGraphText {
  data: LayerStackData;
  readout: string;
  task: string;
}

function shapeText(shape: number[], t: WidgetStrings, format: NumberFormatter): string {
  return `[${[t.modelGraph.batch, ...shape.map((size) => format.integer(size))].join(', ')}]`;
}

/** How the engine's parameter tensors add up: the kernel as in·out, a bias as its length ("784 · 32 + 32"). */
function formulaText(layer: PlannedLayer, format: NumberFormatter): string {
  return layer.plan.params
    .map((param) => (param.role === 'kernel'
      ? param.shape.map((size) => format.integer(size)).join(' · ')
      : format.integer(param.shape.reduce((a, b) => a * b, 1))))
    .join(' + ');
}

function layerBox(layer: PlannedLayer, index: number, last: boolean, t: WidgetStrings, format: NumberFormatter): LayerBox {
  const text = t.modelGraph;
  const activation = layer.spec.activation ?? 'linear';
  const name = last ? text.output : fill(text.hidden, { index: index + 1 });
  const badges: string[] = [];
  if (layer.spec.maxNorm) badges.push(fill(text.maxNorm, { value: format.short(layer.spec.maxNorm) }));
  if (layer.spec.dropout) badges.push(fill(text.dropout, { rate: format.short(layer.spec.dropout) }));
  if (!layer.trainable) badges.push(text.frozen);
  return {
    id: layer.plan.name,
    name: `${name} · ${activation === 'softmax' ? text.softmax : optionLabel(t, activation)}`,
    shape: `${shapeText(layer.plan.inputShape, t, format)} → ${shapeText(layer.plan.outputShape, t, format)}`,
    formula: formulaText(layer, format),
    parameters: layer.parameters,
    badges,
    frozen: !layer.trainable,
  };
}

export function describeModel(model: ModelPlan, t: WidgetStrings, locale: string, format: NumberFormatter): ModelGraphText {
  const text = t.modelGraph;
  const { config, layers, total, trainable } = model;
  const input: LayerBox = {
    id: 'input',
    name: text.input,
    shape: shapeText(config.inputShape, t, format),
    parameters: null,
    badges: config.inputDropout ? [fill(text.dropout, { rate: format.short(config.inputDropout) })] : [],
  };
  const boxes = [input, ...layers.map((layer, index) => layerBox(layer, index, index === layers.length - 1, t, format))];
  const frozen = trainable !== total;
  const count = plural(text.count, total, locale);
  const trainableCount = frozen ? plural(text.trainableCount, trainable, locale) : null;
  const widths = [...config.inputShape, ...layers.map((layer) => layer.plan.outputShape[0] ?? 0)].map((size) => format.integer(size)).join(' → ');
  const summary = fill(text.summary, { widths, count });
  const sum = fill(text.readout, { sum: layers.map((layer) => format.integer(layer.parameters)).join(' + '), count });
  return {
    data: { layers: boxes, total, trainable },
    readout: trainableCount === null ? sum : `${sum}${t.task.separator}${trainableCount}`,
    task: trainableCount === null ? summary : `${summary}${t.task.comma}${trainableCount}`,
  };
}

function createView(context: ViewContext): FamilyView<typeof modelGraph.table> {
  const { strings, locale, plotArea, format } = context;
  const text = strings.modelGraph;
  const box = document.createElement('div');
  plotArea.append(box);
  let shown: ModelGraphText | null = null;
  const plot = layerStack(box, {
    locale,
    labels: {
      title: text.title,
      description: text.description,
      layer: text.layer,
      shape: text.shape,
      parameters: text.parameters,
      notes: text.notes,
      total: text.total,
      trainable: text.trainable,
      ...figureLabels(strings),
    },
    data: { layers: [], total: 0 },
  });

  return {
    plan: (state: ModelGraphState): RunPlan => ({ runs: [], stepsPerEvent: 1, task: describeModel(planOf(state), strings, locale, format).task }),
    reset(state: ModelGraphState) {
      const model = planOf(state);
      shown = describeModel(model, strings, locale, format);
      context.readout.textContent = shown.readout;
      context.expose('param-counts', JSON.stringify(model.byLayer));
      context.expose('param-total', model.total);
      context.expose('param-trainable', model.trainable);
    },
    onEvent(_run: number, _event: EngineEvent) {},
    render() {
      if (shown) plot.update(shown.data);
    },
    destroy() {
      plot.destroy();
    },
  };
}

export const family = defineFamily(modelGraph, createView);
