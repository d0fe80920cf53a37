/** The numbers of a finished run, as one localized line ("final loss 0.0012 · 3 neurons"). */
import type { TeachStrings } from '@i18n/teach';
import { taskNumber } from '@widgets/shell/task';
import { datasetKey, finalAccuracies, finalLosses, meanAccuracy, voteNumbers, type RunOutcome } from './outcome';

type NumberTexts = TeachStrings['exercises']['numbers'];

const fillText = (template: string, value: string) => template.replace('{value}', value);

export function describeRun(run: RunOutcome, shows: readonly string[], texts: NumberTexts, locale: string): string {
  const short = new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 });
  const tiny = new Intl.NumberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 3 });
  const number = (value: number) => (value !== 0 && Math.abs(value) < 1e-3 ? tiny.format(value) : short.format(value));
  const parts: string[] = [];
  for (const name of shows) {
    if (name === 'final-losses') {
      const finals = Object.entries(finalLosses(run));
      if (run.outcome === 'failed' && run.reason === 'diverged') parts.push(texts.diverged);
      else if (finals.length === 1) {
        const value = finals[0]?.[1] ?? null;
        parts.push(value === null ? texts.diverged : fillText(texts.finalLoss, number(value)));
      } else {
        // Several curves (a sweep): "0,0001 → 0,41 · … · 10 → ∞".
        parts.push(finals.map(([key, value]) => `${Number.isFinite(Number(key)) ? number(Number(key)) : key} → ${value === null ? '∞' : number(value)}`).join(' · '));
      }
    } else if (name === 'inside-slope' || name === 'outside-slope') {
      const value = Number(run.data[datasetKey(name)]);
      if (Number.isFinite(value)) parts.push(fillText(name === 'inside-slope' ? texts.insideSlope : texts.outsideSlope, number(value)));
    } else if (name === 'final-accuracies' || name === 'early-accuracies' || name === 'rare-recalls') {
      // Arms (DigitsExperiment, ProjectLab): "10 → 86 % · 14 → 87 %" (mean over seeds; numeric arm keys formatted).
      const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
      const arms = Object.entries(finalAccuracies(run, datasetKey(name)));
      const armName = (key: string) => key.split('/').map((part) => (/^[0-9.e-]+$/.test(part) ? taskNumber(Number(part), locale) : part)).join('/');
      const list = arms.map(([key, values]) => `${armName(key)} → ${percent.format(meanAccuracy(values))}`).join(' · ');
      const template = name === 'final-accuracies' ? texts.accuracies : name === 'rare-recalls' ? texts.rareRecalls : texts.earlyAccuracies;
      if (arms.length) parts.push(fillText(template, list));
    } else if (name === 'votes') {
      // ProjectLab's ensemble: the mean and best member beside the two votes.
      const votes = voteNumbers(run);
      const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
      if (votes) parts.push(texts.votes.replace(/\{(mean|best|majority|weighted)\}/g, (_, key: keyof typeof votes) => percent.format(votes[key])));
    } else if (name === 'start-accuracy' || name === 'mean-difference') {
      const value = Number(run.data[datasetKey(name)]);
      if (!Number.isFinite(value)) continue;
      if (name === 'start-accuracy') parts.push(fillText(texts.startAccuracy, new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)));
      else parts.push(fillText(texts.meanDifference, `${value > 0 ? '+' : value < 0 ? '−' : ''}${number(Math.abs(Math.round(value * 1000) / 10))}`));
    } else if (name === 'lr' || name === 'width' || name === 'epochs') {
      const value = Number(run.state[name]);
      if (Number.isFinite(value)) parts.push(fillText(texts[name], number(value)));
    }
  }
  return parts.join(' · ');
}
