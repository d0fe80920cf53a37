/**
 * `<dp-exercise>`: the browser half of an exercise. The server renders the prose (prompt, options, feedback,
 * worked solution in a <details>), so without JavaScript the reader still gets the question and the solution.
 * Here we add the answer controls, check answers against the registry, lock a prediction's widget until the
 * prediction is committed, read experiment results from `dp-run-end`, and record attempts in progress.
 */
import type { TeachStrings } from '@i18n/teach';
import { element } from '@widgets/shell/dom';
import { describeRun } from './describe-run';
import { parseLocaleNumber, withinTolerance } from './numbers';
import { exercise, type Exercise } from './registry';
import { outcomeOf, type RunEndDetail } from './run-outcome';
import { progress, recordAttempt } from '../progress/store';

type Strings = TeachStrings['exercises'];

class DeepPracticeExercise extends HTMLElement {
  private definition!: Exercise;
  private strings!: Strings;
  private locale = 'en';
  private message!: HTMLElement;
  private committed = false;

  connectedCallback(): void {
    if (this.dataset.upgraded) return;
    this.dataset.upgraded = 'true';
    this.definition = exercise(this.dataset.id ?? '');
    this.strings = JSON.parse(this.dataset.strings ?? '{}') as Strings;
    this.locale = this.dataset.locale ?? 'en';
    const answer = this.querySelector<HTMLElement>('[data-role="answer"]');
    if (!answer) return;
    this.message = element('p', { class: 'dp-exercise-message', role: 'status', 'aria-live': 'polite' });
    for (const radio of this.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.name = `exercise-${this.dataset.id}`;
    const kind = this.definition.kind;
    if (kind === 'numeric') this.numericControls(answer);
    else if (kind === 'choice') answer.append(this.button(this.strings.check, () => this.checkChoice()));
    else if (kind === 'predict') this.predictControls(answer);
    else this.experimentControls(answer);
    answer.append(this.message);
    // The worked solution appears after a first attempt (it is always there without JavaScript).
    const record = progress().exercises[this.dataset.id ?? ''];
    this.solution().hidden = !record;
    if (record) this.showStatus(record.solved ? this.strings.status.solved : this.strings.status.attempted);
  }

  private solution(): HTMLDetailsElement {
    return this.querySelector<HTMLDetailsElement>('details.dp-solution') ?? element('details');
  }

  private button(text: string, onClick: () => void): HTMLButtonElement {
    const button = element('button', { type: 'button', class: 'dp-exercise-button' }, text);
    button.addEventListener('click', onClick);
    return button;
  }

  private say(text: string, tone: 'right' | 'wrong' | 'info'): void {
    this.message.textContent = text;
    this.message.dataset.tone = tone;
  }

  private showStatus(text: string): void {
    const status = this.querySelector<HTMLElement>('.dp-exercise-status');
    if (status) status.textContent = text;
  }

  private attempt(answer: string, solved: boolean): void {
    recordAttempt(this.dataset.id ?? '', answer, solved);
    this.solution().hidden = false;
    this.showStatus(solved || progress().exercises[this.dataset.id ?? '']?.solved ? this.strings.status.solved : this.strings.status.attempted);
  }

  private chosen(): string | null {
    return this.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? null;
  }

  private showFeedback(option: string | null): void {
    for (const feedback of this.querySelectorAll<HTMLElement>('.dp-feedback')) feedback.hidden = feedback.dataset.for !== option;
  }

  private checkChoice(): void {
    const definition = this.definition;
    if (definition.kind !== 'choice') return;
    const option = this.chosen();
    if (!option) return this.say(this.strings.chooseFirst, 'info');
    const right = option === definition.correct;
    this.showFeedback(option);
    this.say(right ? this.strings.correct : this.strings.incorrect, right ? 'right' : 'wrong');
    this.attempt(option, right);
  }

  private numericControls(answer: HTMLElement): void {
    const id = `exercise-${this.dataset.id}-input`;
    const hintId = `${id}-hint`;
    const input = element('input', { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': hintId, class: 'dp-exercise-input' });
    const previous = progress().exercises[this.dataset.id ?? ''];
    if (previous) input.value = previous.answer;
    const check = () => {
      const definition = this.definition;
      if (definition.kind !== 'numeric') return;
      const value = parseLocaleNumber(input.value, this.dataset.lang ?? 'pt');
      if (value === null) {
        input.setAttribute('aria-invalid', 'true');
        return this.say(this.strings.notANumber.replace('{value}', input.value.slice(0, 40)), 'wrong');
      }
      input.removeAttribute('aria-invalid');
      const right = withinTolerance(value, definition.answer, definition.tolerance);
      this.say(right ? this.strings.correct : this.strings.incorrect, right ? 'right' : 'wrong');
      this.attempt(String(value), right);
    };
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') check();
    });
    answer.append(
      element('label', { for: id }, this.strings.answerLabel),
      input,
      element('p', { id: hintId, class: 'dp-exercise-hint' }, this.strings.numberHint),
      this.button(this.strings.check, check),
    );
  }

  private widgetFigure(): HTMLElement | null {
    const id = this.definition.kind === 'predict' || this.definition.kind === 'experiment' ? this.definition.widget : '';
    return this.querySelector<HTMLElement>(`dp-widget[data-id="${id}"]`)?.closest<HTMLElement>('figure') ?? null;
  }

  private predictControls(answer: HTMLElement): void {
    const figure = this.widgetFigure();
    figure?.setAttribute('inert', '');
    figure?.classList.add('dp-locked');
    const lockNote = element('p', { class: 'dp-exercise-hint' }, this.strings.locked);
    figure?.before(lockNote);
    const commit = this.button(this.strings.commit, () => {
      const option = this.chosen();
      if (!option) return this.say(this.strings.chooseFirst, 'info');
      this.committed = true;
      for (const radio of this.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.disabled = true;
      commit.disabled = true;
      figure?.removeAttribute('inert');
      figure?.classList.remove('dp-locked');
      lockNote.remove();
      const text = this.querySelector(`label:has(input[value="${option}"]) .dp-option-text`)?.textContent?.trim() ?? option;
      this.say(this.strings.committed.replace('{answer}', text), 'info');
    });
    answer.append(commit);
    this.addEventListener('dp-run-end', (event) => {
      const definition = this.definition;
      if (definition.kind !== 'predict' || !this.committed) return;
      const run = this.runFrom(event as CustomEvent<RunEndDetail>, definition.widget);
      if (!run) return;
      const option = this.chosen();
      const right = option === definition.correct;
      this.showFeedback(option);
      const result = this.strings.result.replace('{numbers}', describeRun(run, definition.shows, this.strings.numbers, this.locale));
      this.say(`${result} ${right ? this.strings.predictionRight : this.strings.predictionWrong}`, right ? 'right' : 'wrong');
      this.attempt(option ?? '', right);
    });
  }

  private experimentControls(answer: HTMLElement): void {
    this.addEventListener('dp-run-end', (event) => {
      const definition = this.definition;
      if (definition.kind !== 'experiment') return;
      const run = this.runFrom(event as CustomEvent<RunEndDetail>, definition.widget);
      if (!run) return;
      const solved = definition.check(run);
      const numbers = describeRun(run, definition.shows, this.strings.numbers, this.locale);
      this.say((solved ? this.strings.solved : this.strings.notYet).replace('{numbers}', numbers), solved ? 'right' : 'wrong');
      this.attempt(run.payload, solved);
    });
    void answer;
  }

  /** This exercise's widget's run, if the event came from it (progress records every run page-wide). */
  private runFrom(event: CustomEvent<RunEndDetail>, widgetId: string) {
    if (event.detail.id !== widgetId || !(event.target instanceof HTMLElement)) return null;
    return outcomeOf(event.detail, event.target);
  }
}

if (!customElements.get('dp-exercise')) customElements.define('dp-exercise', DeepPracticeExercise);
