/** Errors and notices stay inside the widget: a localized message (text only) and, for errors, a retry. */
import { element } from './dom';
import type { WidgetStrings } from './text';

export class ErrorPanel {
  readonly element = element('div', { class: 'dp-error', role: 'alert', hidden: '' });
  private readonly message = element('p');
  private readonly retry: HTMLButtonElement;

  constructor(strings: WidgetStrings, onRetry: () => void) {
    this.retry = element('button', { type: 'button' }, strings.controls.retry);
    this.retry.addEventListener('click', onRetry);
    this.element.append(this.message, this.retry);
  }

  /** An error that stopped the widget: message plus retry. */
  error(text: string): void {
    this.message.textContent = text;
    this.retry.hidden = false;
    this.element.hidden = false;
    this.element.dataset.kind = 'error';
  }

  /** A notice that did not stop it (e.g. a rejected permalink, defaults used). */
  notice(text: string): void {
    this.message.textContent = text;
    this.retry.hidden = true;
    this.element.hidden = false;
    this.element.dataset.kind = 'notice';
  }

  clear(): void {
    this.element.hidden = true;
    this.message.textContent = '';
  }
}
