/**
 * Controls generated from the state table: a labelled native slider (with its value and unit) per number
 * parameter, a labelled native select per choice. Native inputs are keyboard operable out of the box.
 * A control that does nothing in the current state is disabled, with its reason under it (applicability.ts).
 */
import type { ControlStatus } from './applicability';
import type { AnyState, NumberParam, ParamSpec, StateTable, StateValue } from './params';
import { element, uniqueId } from './dom';
import { fill, optionLabel, paramLabel, type NumberFormatter, type WidgetStrings } from './text';

export interface ControlsHandle {
  element: HTMLElement;
  /** Show a state (without firing change). */
  set(state: AnyState): void;
}

/** Log sliders move in quarter decades; values are rounded to 3 significant digits so URLs stay short. */
const LOG_STEPS_PER_DECADE = 4;

function sliderValue(spec: NumberParam, value: number): number {
  return spec.log ? Math.round(Math.log10(value) * LOG_STEPS_PER_DECADE) : value;
}

function paramValue(spec: NumberParam, slider: number): number {
  if (!spec.log) return spec.integer ? Math.round(slider) : Number(slider.toPrecision(6));
  const value = Number((10 ** (slider / LOG_STEPS_PER_DECADE)).toPrecision(3));
  return Math.min(spec.max, Math.max(spec.min, value));
}

function unitText(strings: WidgetStrings, spec: NumberParam, value: string): string {
  const unit = strings.units[spec.unit ?? 'none'];
  return unit === '' ? value : fill(unit, { value });
}

function numberControl(key: string, spec: NumberParam, strings: WidgetStrings, format: NumberFormatter, onChange: (value: number) => void) {
  const id = uniqueId(`param-${key}`);
  const wrapper = element('div', { class: 'dp-control' });
  const label = element('label', { for: id }, paramLabel(strings, key));
  // Wide integer ranges (the seed) get a number box; everything else a slider.
  const typed = Boolean(spec.integer) && (spec.max - spec.min) / spec.step > 200;
  const input = element('input', {
    id,
    type: typed ? 'number' : 'range',
    name: key,
    min: String(sliderValue(spec, spec.min)),
    max: String(sliderValue(spec, spec.max)),
    step: spec.log ? '1' : String(spec.step),
  });
  const output = element('output', { for: id, 'aria-hidden': 'true' });
  // A number box already shows its value; the unit alone would be noise next to it.
  output.hidden = typed && (spec.unit ?? 'none') === 'none';
  const show = (value: number) => {
    const text = unitText(strings, spec, spec.integer ? format.integer(value) : format.short(value));
    output.textContent = text;
    input.setAttribute('aria-valuetext', text);
  };
  input.addEventListener('input', () => show(paramValue(spec, Number(input.value))));
  input.addEventListener('change', () => {
    const value = paramValue(spec, Number(input.value));
    if (Number.isFinite(value) && value >= spec.min && value <= spec.max) onChange(value);
  });
  wrapper.append(label, input, output);
  return {
    wrapper,
    input,
    set: (value: number) => {
      input.value = String(sliderValue(spec, value));
      show(value);
    },
  };
}

function choiceControl(key: string, spec: ParamSpec & { kind: 'choice' }, strings: WidgetStrings, onChange: (value: string) => void) {
  const id = uniqueId(`param-${key}`);
  const wrapper = element('div', { class: 'dp-control' });
  const label = element('label', { for: id }, paramLabel(strings, key));
  const select = element('select', { id, name: key });
  for (const option of spec.options) select.append(element('option', { value: option }, optionLabel(strings, option)));
  select.addEventListener('change', () => onChange(select.value));
  wrapper.append(label, select);
  return { wrapper, input: select, set: (value: string) => void (select.value = value) };
}

/**
 * Shows or hides a control, and disables it with its localized reason (described by it) where it does not apply.
 * It re-enables only what it disabled itself: a control an assignment locked stays locked.
 */
function applyStatus(wrapper: HTMLElement, input: HTMLInputElement | HTMLSelectElement, status: ControlStatus, strings: WidgetStrings): void {
  wrapper.hidden = !status.shown;
  let note = wrapper.querySelector<HTMLElement>('.dp-control-reason');
  if (status.reason === null) {
    if (input.dataset.inapplicable) input.disabled = false;
    delete input.dataset.inapplicable;
    input.removeAttribute('aria-describedby');
    note?.remove();
    return;
  }
  if (!note) {
    note = element('p', { class: 'dp-control-reason', id: uniqueId(`${input.id}-reason`) });
    wrapper.append(note);
  }
  note.textContent = strings.inapplicable[status.reason];
  if (!input.disabled) {
    input.disabled = true;
    input.dataset.inapplicable = 'true';
  }
  input.setAttribute('aria-describedby', note.id);
}

export function buildControls(
  table: StateTable,
  keys: readonly string[],
  strings: WidgetStrings,
  format: NumberFormatter,
  onChange: (key: string, value: StateValue) => void,
  /** Whether a control shows in a state (the Lab hides a control its current preset does not use), and why it is
   * disabled where it does nothing. */
  status: (key: string, state: AnyState) => ControlStatus = () => ({ shown: true, reason: null }),
): ControlsHandle {
  const fieldset = element('fieldset', { class: 'dp-controls' });
  fieldset.append(element('legend', {}, strings.controls.settings));
  const setters: Array<(state: AnyState) => void> = [];
  for (const key of keys) {
    const spec = table[key];
    if (!spec) continue;
    if (spec.kind === 'number') {
      const control = numberControl(key, spec, strings, format, (value) => onChange(key, value));
      fieldset.append(control.wrapper);
      setters.push((state) => {
        applyStatus(control.wrapper, control.input, status(key, state), strings);
        control.set(Number(state[key]));
      });
    } else {
      const control = choiceControl(key, spec, strings, (value) => onChange(key, value));
      fieldset.append(control.wrapper);
      setters.push((state) => {
        applyStatus(control.wrapper, control.input, status(key, state), strings);
        control.set(String(state[key]));
      });
    }
  }
  return { element: fieldset, set: (state) => setters.forEach((setter) => setter(state)) };
}
