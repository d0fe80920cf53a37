/**
 * The program as readable code, with every call of the missing function highlighted (<mark>). The code is
 * the same in every language (identifiers in English, as programs are written); the two comments come from
 * the page's strings. Built with textContent only.
 */
import type { WidgetStrings } from '../shell/text';
import { fill } from '../shell/text';

/** Source lines; `area` marks where the learnable function appears. */
function lines(t: WidgetStrings, hidden: number): { text: string; comment?: string }[] {
  const c = t.learnableFunction;
  return [
    { text: 'def area(d):', comment: fill(c.learnable, { hidden }) },
    { text: '    return net(d)' },
    { text: '' },
    { text: 'def cost(order):', comment: c.price },
    { text: '    d1, d2, d3 = order.diagonals' },
    { text: '    return area(d1) + area(d2) + area(d3)' },
  ];
}

function appendMarked(parent: HTMLElement, text: string): void {
  const parts = text.split(/(area)/);
  for (const part of parts) {
    if (part === 'area') {
      const mark = document.createElement('mark');
      mark.className = 'dp-program-learnable';
      mark.textContent = part;
      parent.append(mark);
    } else if (part) parent.append(document.createTextNode(part));
  }
}

/** Fills `code` with the program (a <code> inside a <pre>). */
export function renderProgram(code: HTMLElement, t: WidgetStrings, hidden: number): void {
  code.replaceChildren();
  lines(t, hidden).forEach((line, index) => {
    if (index > 0) code.append(document.createTextNode('\n'));
    appendMarked(code, line.text);
    if (line.comment) {
      const comment = document.createElement('span');
      comment.className = 'dp-program-comment';
      comment.textContent = `  # ${line.comment}`;
      code.append(comment);
    }
  });
}
