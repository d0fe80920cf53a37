/**
 * Numbers as readers type them: "0,01", "0.01", "−0,25", "1 000,5", "2.3e-2", full-width "０．２５".
 * pt and ru write a decimal comma; zh writes a decimal point and may group thousands with commas.
 * Returns null for anything that is not one plain number (no expressions are evaluated).
 */
const SPACES = /[\s\u00a0\u202f\u2009]/g;
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseLocaleNumber(input: string, lang: string): number | null {
  let text = input.normalize('NFKC').replace(/\u2212/g, '-').replace(SPACES, '');
  if (text.length === 0 || text.length > 40) return null;
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // Both appear: the last one is the decimal separator, the other groups thousands.
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if ((decimal === ',' ? commas : dots) !== 1) return null;
    text = text.split(group).join('').replace(',', '.');
  } else if (commas > 0) {
    const grouped = /^[+-]?\d{1,3}(,\d{3})+$/.test(text);
    if (lang === 'zh' && grouped) text = text.replace(/,/g, '');
    else if (commas === 1) text = text.replace(',', '.');
    else return null;
  } else if (dots > 1) {
    // "1.000.000" groups thousands with points (pt); anything else with several points is malformed.
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(text)) return null;
    text = text.replace(/\./g, '');
  }
  if (!PLAIN.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function withinTolerance(value: number, answer: number, tolerance: number): boolean {
  return Math.abs(value - answer) <= tolerance + 1e-12;
}
