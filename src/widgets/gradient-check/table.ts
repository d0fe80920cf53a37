/**
 * The element table of the GradientCheck widget: element, analytic, numeric and relative error, the error led by its
 * level's mark (✓ ▲ ✗ ∅, explained by the legend under the table; a screen reader hears the level's word instead).
 * The row is tinted by the level while its text keeps the page's colour (the tint is light), so contrast holds in both
 * themes and the colour is never the only sign. Four columns fit a 390 px phone without scrolling sideways.
 */
import { element } from '../shell/dom';
import { fill, type WidgetStrings } from '../shell/text';
import { FAIL_ABOVE, PASS_BELOW, type CheckRow, type Level } from './check-view';
import { elementName, type GradientCheckFormat } from './text';

/** The mark of each level: a shape as well as a colour. */
export const LEVEL_MARKS: Record<Level, string> = { pass: '✓', warn: '▲', fail: '✗', nonFinite: '∅' };
const LEVELS: Level[] = ['pass', 'warn', 'fail', 'nonFinite'];

export interface ElementTable {
  element: HTMLElement;
  update(rows: CheckRow[]): void;
}

export function elementTable(strings: WidgetStrings, format: GradientCheckFormat): ElementTable {
  const text = strings.gradientCheck;
  const wrapper = element('div', { class: 'dp-gc-scroll' });
  const table = element('table', { class: 'dp-gc-table' });
  const head = element('thead');
  const headRow = element('tr');
  for (const label of [text.element, text.analytic, text.numeric, text.relativeError]) headRow.append(element('th', { scope: 'col' }, label));
  head.append(headRow);
  const body = element('tbody');
  table.append(element('caption', {}, text.caption), head, body);
  const thresholds = { low: format.scientific(PASS_BELOW), high: format.scientific(FAIL_ABOVE) };
  const legend = element('p', { class: 'dp-gc-legend' }, LEVELS.map((level) => `${LEVEL_MARKS[level]} ${fill(text.legend[level], thresholds)}`).join(' · '));
  wrapper.append(table, legend);
  return {
    element: wrapper,
    update(rows) {
      body.replaceChildren(...rows.map((row) => {
        const tr = element('tr', { class: `dp-gc-${row.level}`, 'data-element': `${row.element.tensor}[${row.element.index.join(',')}]`, 'data-level': row.level });
        const error = element('td', { class: 'dp-gc-error' });
        error.append(element('span', { class: 'dp-gc-mark', 'aria-hidden': 'true' }, LEVEL_MARKS[row.level]), ` ${Number.isNaN(row.relativeError) ? 'NaN' : format.scientific(row.relativeError)}`, element('span', { class: 'visually-hidden' }, ` ${text.levels[row.level]}`));
        tr.append(element('th', { scope: 'row' }, elementName(strings, row.element)), element('td', {}, format.value(row.analytic)), element('td', {}, format.value(row.numeric)), error);
        return tr;
      }));
    },
  };
}
