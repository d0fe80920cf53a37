/**
 * The element table of the GradientCheck widget: element, analytic, numeric, relative error and its level. The
 * level is written out in each row («✓ passa», «✗ falha», «∅ não é finito»), and the row is tinted by it: the colour
 * is never the only sign, and the text keeps the page's own colour (the tint is light), so contrast holds in both themes.
 */
import { element } from '../shell/dom';
import type { WidgetStrings } from '../shell/text';
import type { CheckRow } from './check-view';
import { elementName, type GradientCheckFormat } from './text';

export interface ElementTable {
  element: HTMLElement;
  update(rows: CheckRow[]): void;
}

export function elementTable(strings: WidgetStrings, format: GradientCheckFormat): ElementTable {
  const text = strings.gradientCheck;
  // A narrow screen scrolls the table sideways inside this region, which the keyboard can then reach.
  const wrapper = element('div', { class: 'dp-gc-scroll', role: 'region', tabindex: '0', 'aria-label': text.caption });
  const table = element('table', { class: 'dp-gc-table' });
  const head = element('thead');
  const headRow = element('tr');
  for (const label of [text.element, text.analytic, text.numeric, text.relativeError, text.level]) headRow.append(element('th', { scope: 'col' }, label));
  head.append(headRow);
  const body = element('tbody');
  table.append(element('caption', {}, text.caption), head, body);
  wrapper.append(table);
  return {
    element: wrapper,
    update(rows) {
      body.replaceChildren(...rows.map((row) => {
        const tr = element('tr', { class: `dp-gc-${row.level}`, 'data-element': `${row.element.tensor}[${row.element.index.join(',')}]`, 'data-level': row.level });
        tr.append(
          element('th', { scope: 'row' }, elementName(strings, row.element)),
          element('td', {}, format.value(row.analytic)),
          element('td', {}, format.value(row.numeric)),
          element('td', {}, format.scientific(row.relativeError)),
          element('td', { class: 'dp-gc-level' }, text.levels[row.level]),
        );
        return tr;
      }));
    },
  };
}
