/** Locale-aware number formatting for ticks, readouts and tables (pt-BR and ru write decimal commas). */

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A value for a readout or a table cell: 4 significant digits, scientific when very small or large. */
export function formatValue(locale: string, value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) {
    return formatScientific(locale, value);
  }
  return formatter(locale, { maximumSignificantDigits: 4 }).format(value);
}

/**
 * A number as m × 10ⁿ, as the lessons write it ("2,4 × 10⁻¹⁰"; "10⁻⁵" when m is 1), the mantissa in the locale's
 * digits — not Intl's "2,4E-10", which is how code prints numbers, not how a text does.
 */
export function formatScientific(locale: string, value: number, significant = 3): string {
  if (value === 0 || !Number.isFinite(value)) return formatter(locale, {}).format(value);
  let exponent = Math.floor(Math.log10(Math.abs(value)));
  let mantissa = Number((value / 10 ** exponent).toPrecision(significant));
  if (Math.abs(mantissa) >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  if (Math.abs(mantissa) === 1) return `${mantissa < 0 ? '−' : ''}${powerOfTen(exponent)}`;
  return `${formatter(locale, { maximumSignificantDigits: significant }).format(mantissa)} × ${powerOfTen(exponent)}`;
}

/** Fixed number of decimals, for values like a learning rate slider or a smoothing weight. */
export function formatFixed(locale: string, value: number, digits: number): string {
  return formatter(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** 10⁻³ style for a power of ten. */
export function powerOfTen(exponent: number): string {
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** Formatter for the ticks of a linear axis: as many decimals as the tick step needs. */
export function linearTickFormat(locale: string, ticks: number[]): (v: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : Math.abs(ticks[0] ?? 1) || 1;
  const largest = Math.max(...ticks.map(Math.abs), 0);
  if (largest >= 1e6 || (step > 0 && step < 1e-4)) {
    return (v) => (v === 0 ? formatFixed(locale, 0, 0) : formatScientific(locale, v));
  }
  const digits = Math.max(0, Math.min(8, -Math.floor(Math.log10(step) + 1e-9)));
  return (v) => formatFixed(locale, Math.abs(v) < step * 1e-6 ? 0 : v, digits);
}

/** Formatter for the ticks of a log axis: powers of ten as 10ⁿ (plain for 0.01…100), others as values. */
export function logTickFormat(locale: string): (v: number) => string {
  return (v) => {
    const e = Math.log10(v);
    const rounded = Math.round(e);
    if (Math.abs(e - rounded) < 1e-9) {
      if (rounded >= -2 && rounded <= 2) return formatValue(locale, v);
      return powerOfTen(rounded);
    }
    return formatValue(locale, v);
  };
}
