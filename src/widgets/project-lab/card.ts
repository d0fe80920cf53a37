/**
 * The project card at the top of every ProjectLab preset: the project's choices so far (dataset, model, loss,
 * optimizer, seeds), written from the plan's run configurations, so the card never says what the runs do not do.
 */
import type { RunConfig } from '@engine/types';
import { html, setText } from '../plots/dom';
import { fill, numberFormatter, own, type WidgetStrings } from '../shell/text';
import type { ProjectPlan } from './plan';

export interface CardRow {
  key: 'dataset' | 'model' | 'loss' | 'optimizer' | 'seed';
  value: string;
}

/** "MLP 784 → 32 → 10 (oculta ReLU, saída softmax)" or "regressão logística 784 → 10": a dense network. */
export function modelLine(config: RunConfig, strings: WidgetStrings): string {
  const layers = config.model.layers;
  const widths = [...config.model.inputShape, ...layers.map((layer) => (layer.type === 'dense' ? layer.units : 0))].join(' → ');
  const hidden = layers[0]?.type === 'dense' ? (layers[0].activation ?? 'linear') : 'linear';
  const t = strings.projectLab.card;
  return layers.length === 1 ? fill(t.logistic, { widths }) : fill(t.network, { widths, hidden: own(strings.options, hidden) ?? hidden });
}

/** The card's rows for a plan (distinct values of its runs joined; seeds as a range). */
export function cardRows(plan: ProjectPlan, strings: WidgetStrings, locale: string): CardRow[] {
  const configs = plan.runs.filter((run) => !run.probe).map((run) => run.config);
  const distinct = (values: string[]) => [...new Set(values)].join(strings.projectLab.card.and);
  const members = configs.flatMap((config) => config.population?.members ?? []);
  const seeds = [...new Set(members.map((member) => member.seed ?? 1))];
  const optimizer = configs[0]?.training.optimizer;
  // Each member's rate (a member without its own trains at the optimizer's).
  const rates = [...new Set(members.map((member) => member.learningRate ?? optimizer?.learningRate ?? 0))];
  const rateText = rates.map((rate) => numberFormatter(locale).short(rate)).join(', ');
  const t = strings.projectLab.card;
  return [
    { key: 'dataset', value: t.digits },
    { key: 'model', value: distinct(configs.map((config) => modelLine(config, strings))) },
    { key: 'loss', value: distinct(configs.map((config) => own(strings.task.losses, config.training.loss) ?? config.training.loss)) },
    { key: 'optimizer', value: optimizer ? fill(t.optimizerValue, { optimizer: own(strings.optimizers, optimizer.name) ?? optimizer.name, rates: rateText, batch: configs[0]?.training.batchSize ?? 32 }) : '' },
    { key: 'seed', value: seeds.length > 1 ? fill(t.seeds, { from: Math.min(...seeds), to: Math.max(...seeds) }) : String(seeds[0] ?? 1) },
  ];
}

/** The card element: a titled description list, refilled on every reset. */
export function projectCard(parent: HTMLElement, strings: WidgetStrings): { update(rows: CardRow[]): void; element: HTMLElement } {
  const element = html('section', { class: 'dp-project-card dp-wide' }, parent);
  const heading = html('p', { class: 'dp-project-card__title' }, element);
  setText(heading, strings.projectLab.card.title);
  const list = html('dl', { class: 'dp-project-card__list' }, element);
  return {
    element,
    update(rows) {
      list.replaceChildren();
      for (const row of rows) {
        const item = html('div', {}, list);
        setText(html('dt', {}, item), strings.projectLab.card[row.key]);
        setText(html('dd', {}, item), row.value);
      }
    },
  };
}
