/** Optional toolbar controls (log scale, smoothing). Text is passed in; values are formatted for the locale. */
import { html, uid } from './dom';
import { formatFixed } from './format';

export function checkbox(label: string, checked: boolean, onChange: (checked: boolean) => void): { element: HTMLElement; set(v: boolean): void } {
  const wrapper = html('label', { class: 'dp-plot__control' });
  const input = html('input', { type: 'checkbox' }, wrapper);
  input.checked = checked;
  wrapper.append(` ${label}`);
  input.addEventListener('change', () => onChange(input.checked));
  return { element: wrapper, set: (v) => (input.checked = v) };
}

export function slider(
  label: string,
  value: number,
  range: { min: number; max: number; step: number; digits: number },
  locale: string,
  onInput: (value: number) => void,
): { element: HTMLElement; set(v: number): void } {
  const id = uid('slider');
  const wrapper = html('span', { class: 'dp-plot__control' });
  const text = html('label', { for: id }, wrapper);
  text.textContent = label;
  const input = html('input', { type: 'range', id, min: range.min, max: range.max, step: range.step }, wrapper);
  const output = html('output', { for: id }, wrapper);
  const show = (v: number) => {
    input.value = String(v);
    output.textContent = formatFixed(locale, v, range.digits);
    input.setAttribute('aria-valuetext', output.textContent);
  };
  show(value);
  input.addEventListener('input', () => {
    const v = Number(input.value);
    show(v);
    onInput(v);
  });
  return { element: wrapper, set: show };
}
