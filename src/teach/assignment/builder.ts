/** The instructor's assignment builder: form → assignment → link, handout and QR code. */
import type { TeachStrings } from '@i18n/teach';
import { element } from '@widgets/shell/dom';
import type { Assignment, Setup } from './model';
import { qrSvg } from './qr';
import { assignmentPath, buildSetup } from './setup';

interface Source { value: string; family: string; preset: string; label: string }
interface Config { sources: Source[]; controls: Record<string, string[]> }
type Modes = 'free' | 'locked' | 'hidden';

const form = document.querySelector<HTMLFormElement>('[data-builder]');
if (form) {
  const config = JSON.parse(form.dataset.config ?? '{}') as Config;
  const { teach: t, params } = JSON.parse(form.dataset.strings ?? '{}') as { teach: TeachStrings['teach']; params: Record<string, string> };
  const lang = form.dataset.lang ?? 'pt';
  const list = form.querySelector<HTMLOListElement>('[data-setups]');
  const status = form.querySelector<HTMLElement>('[data-status]');
  const result = document.querySelector<HTMLElement>('[data-result]');
  const source = form.querySelector<HTMLSelectElement>('#setup-source');
  let counter = 0;

  const addSetup = () => {
    const chosen = config.sources.find((candidate) => candidate.value === source?.value);
    if (!chosen || !list) return;
    counter += 1;
    const item = element('li', { class: 'teach-setup', 'data-family': chosen.family, 'data-preset': chosen.preset });
    item.append(element('p', { class: 'teach-setup-title' }, chosen.label));
    const seedId = `setup-${counter}-seed`;
    item.append(element('label', { for: seedId }, t.setupSeed), element('input', { id: seedId, type: 'number', min: '1', max: '99999', step: '1', value: '1', 'data-seed': '' }));
    const controls = element('div', { class: 'teach-controls' });
    for (const key of config.controls[chosen.family] ?? []) {
      if (key === 'backend' || key === 'seed') continue;
      const id = `setup-${counter}-${key}`;
      const select = element('select', { id, 'data-control': key });
      for (const mode of ['free', 'locked', 'hidden'] as const) select.append(element('option', { value: mode }, t.modes[mode]));
      const pair = element('span', { class: 'teach-control' });
      pair.append(element('label', { for: id }, t.controlMode.replace('{control}', params[key] ?? key)), select);
      controls.append(pair);
    }
    const remove = element('button', { type: 'button' }, t.removeSetup);
    remove.addEventListener('click', () => item.remove());
    item.append(controls, remove);
    list.append(item);
  };

  const setups = (): Setup[] => [...(list?.querySelectorAll<HTMLElement>('.teach-setup') ?? [])].map((item) => {
    const modes = [...item.querySelectorAll<HTMLSelectElement>('[data-control]')].map((select) => [select.dataset.control ?? '', select.value as Modes] as const);
    return buildSetup({
      family: item.dataset.family ?? '',
      preset: item.dataset.preset ?? '',
      seed: Number(item.querySelector<HTMLInputElement>('[data-seed]')?.value) || 1,
      locked: modes.filter(([, mode]) => mode === 'locked').map(([key]) => key),
      hidden: modes.filter(([, mode]) => mode === 'hidden').map(([key]) => key),
    });
  });

  const checked = (name: string) => [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)].map((input) => input.value);
  const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
  const handoutItems = (assignment: Assignment) => [
    ...[...form.querySelectorAll<HTMLInputElement>('input[name="lesson"]:checked, input[name="exercise"]:checked')].map((input) => input.parentElement?.textContent?.trim() ?? ''),
    ...[...(list?.querySelectorAll('.teach-setup-title') ?? [])].map((title) => title.textContent ?? ''),
  ].slice(0, 60 + assignment.setups.length);

  const show = (assignment: Assignment) => {
    const link = `${location.origin}${assignmentPath(lang, assignment)}`;
    const anchor = document.querySelector<HTMLAnchorElement>('[data-link]');
    if (anchor) {
      anchor.href = link;
      anchor.textContent = link;
    }
    const set = (selector: string, text: string) => {
      const node = document.querySelector(selector);
      if (node) node.textContent = text;
    };
    set('[data-handout-title]', assignment.title || t.handoutTitle);
    set('[data-handout-due]', assignment.due ? `${t.due}: ${new Intl.DateTimeFormat(form.dataset.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${assignment.due}T00:00:00Z`))}` : '');
    set('[data-handout-note]', assignment.note);
    set('[data-handout-link]', link);
    document.querySelector('[data-handout-items]')?.replaceChildren(...handoutItems(assignment).map((text) => element('li', {}, text)));
    document.querySelector('[data-qr]')?.replaceChildren(qrSvg(link));
    if (result) result.hidden = false;
    document.body.dataset.assignmentLink = link;
  };

  form.querySelector('[data-action="add-setup"]')?.addEventListener('click', addSetup);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const assignment: Assignment = {
      title: field('title').trim().slice(0, 120).replace(/[\u0000-\u001f\u007f]/g, ' '),
      due: field('due'),
      note: field('note').slice(0, 1000).replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' '),
      lessons: checked('lesson'),
      exercises: checked('exercise'),
      setups: setups(),
    };
    if (assignment.lessons.length + assignment.exercises.length + assignment.setups.length === 0) {
      if (status) status.textContent = t.nothingChosen;
      return;
    }
    if (status) status.textContent = '';
    show(assignment);
  });
  document.querySelector('[data-action="copy"]')?.addEventListener('click', async () => {
    const link = document.querySelector<HTMLAnchorElement>('[data-link]')?.href ?? '';
    try {
      await navigator.clipboard.writeText(link);
      if (status) status.textContent = t.copied;
    } catch {
      if (status) status.textContent = t.copyFailed;
    }
  });
  document.querySelector('[data-action="print"]')?.addEventListener('click', () => print());
}
