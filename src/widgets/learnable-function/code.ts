/**
 * The program as readable code, with every call of the missing function highlighted (<mark>). The code is
 * the same in every language (identifiers in English, as programs are written); the two comments come from
 * the page's strings. Built with textContent only.
 */
import type { WidgetStrings } from '../shell/text';
import { fill } from '../shell/text';

/** Source lines, each comment on its own line above the code it describes (short lines read at 390 px). */
function lines(t: WidgetStrings, hidden: number): { text: string; comment?: boolean }[] {
  const c = t.learnableFunction;
  return [
    { text: `# ${fill(c.learnable, { hidden })}`, comment: true },
    { text: 'def area(d):' },
    { text: '    return net(d)' },
    { text: '' },
    { text: `# ${c.price}`, comment: true },
    { text: 'def cost(order):' },
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
    if (line.comment) {
      const comment = document.createElement('span');
      comment.className = 'dp-program-comment';
      comment.textContent = line.text;
      code.append(comment);
    } else appendMarked(code, line.text);
  });
}
