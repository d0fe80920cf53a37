/**
 * The answer picker: the 8 bugs' names as one radio group (the same list, in the same order, whichever bug is
 * hidden), a check button, and the verdict — right or wrong, the hidden bug's explanation (the view and the
 * measured number that show it, docs/project-lifecycle/lab-signatures.md) and, when wrong, what the reader's pick
 * would have looked like. The verdict is the only place that names the hidden bug.
 */
import { FAULT_KEYS, type FaultKey } from '@engine/faults';
import { html, setText } from '../plots/dom';
import { fill, type WidgetStrings } from '../shell/text';

export interface Verdict {
  right: boolean;
  /** Paragraphs, in order: the verdict line, the hidden bug's explanation, what the pick would have shown. */
  lines: string[];
}

/** The verdict on picking `pick` when `bug` is hidden. */
export function verdictOf(pick: FaultKey, bug: FaultKey, strings: WidgetStrings): Verdict {
  const t = strings.debugLab;
  const right = pick === bug;
  const lines = [
    right ? fill(t.right, { name: t.bugs[bug].name }) : fill(t.wrong, { name: t.bugs[bug].name }),
    t.bugs[bug].explain,
  ];
  if (!right) lines.push(fill(t.wouldLook, { name: t.bugs[pick].name, looks: t.bugs[pick].looks }));
  return { right, lines };
}

let forms = 0;

export interface Picker {
  element: HTMLElement;
  /** A new case: no pick, no verdict. */
  reset(bug: FaultKey): void;
  /** The verdict shown (for the readers of the page's data: `right`, `wrong`, or null before a check). */
  readonly verdict: 'right' | 'wrong' | null;
}

export function answerPicker(parent: HTMLElement, strings: WidgetStrings, onVerdict: (verdict: Verdict) => void): Picker {
  const t = strings.debugLab;
  const name = `dp-debug-pick-${++forms}`;
  const form = html('form', { class: 'dp-debug-picker' }, parent);
  const fieldset = html('fieldset', {}, form);
  setText(html('legend', {}, fieldset), t.picker);
  const options = FAULT_KEYS.map((key) => {
    const label = html('label', { class: 'dp-debug-option' }, fieldset);
    const input = html('input', { type: 'radio', name, value: key }, label);
    setText(html('span', {}, label), t.bugs[key].name);
    return input;
  });
  const check = html('button', { type: 'submit', class: 'dp-button' }, form);
  setText(check, t.check);
  const out = html('div', { class: 'dp-debug-verdict', 'aria-live': 'polite' }, form);
  let bug: FaultKey = FAULT_KEYS[0]!;
  let shown: 'right' | 'wrong' | null = null;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = options.find((input) => input.checked)?.value as FaultKey | undefined;
    out.replaceChildren();
    if (!picked) {
      setText(html('p', {}, out), t.pickFirst);
      shown = null;
      return;
    }
    const verdict = verdictOf(picked, bug, strings);
    shown = verdict.right ? 'right' : 'wrong';
    out.dataset.verdict = shown;
    verdict.lines.forEach((line, i) => setText(html('p', i === 0 ? { class: 'dp-debug-verdict__head' } : {}, out), line));
    onVerdict(verdict);
  });
  return {
    element: form,
    reset(next) {
      bug = next;
      shown = null;
      options.forEach((input) => (input.checked = false));
      out.replaceChildren();
      delete out.dataset.verdict;
    },
    get verdict() {
      return shown;
    },
  };
}
