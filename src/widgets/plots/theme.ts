/**
 * Colours come from CSS custom properties (defined in plots.css, themable light/dark) with JS fallbacks,
 * so a plot renders sensibly even without the stylesheet. Series never rely on colour alone: each one also
 * gets a dash pattern and a marker symbol.
 */

/** Okabe–Ito palette (colour-blind safe); yellow darkened for contrast on white. */
export const PALETTE_FALLBACK = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#B59B00', '#444444'];

export const DASHES = ['', '7 3', '2 3', '9 3 2 3'];

export function colorVar(slot: number): string {
  const i = ((slot % 8) + 8) % 8;
  return `var(--plot-c${i + 1}, ${PALETTE_FALLBACK[i]})`;
}

export function dashFor(slot: number): string {
  return DASHES[((slot % DASHES.length) + DASHES.length) % DASHES.length]!;
}

export const FG = 'var(--plot-fg, #1b1b1f)';
export const MUTED = 'var(--plot-muted, #5c5c66)';
export const GRID = 'var(--plot-grid, #e3e3e8)';
export const BG = 'var(--plot-bg, #ffffff)';
export const BAND = 'var(--plot-band, rgba(0, 114, 178, 0.08))';
export const GUIDE = 'var(--plot-guide, #5c5c66)';
export const POSITIVE = 'var(--plot-pos, #0072B2)';
export const NEGATIVE = 'var(--plot-neg, #D55E00)';

/** Resolve a `var(--name, fallback)` string to a concrete colour, reading the element's computed style. */
export function resolveColor(value: string, el: Element): string {
  return resolveCssVars(value, el);
}

/** Replace every var(--x, fallback) in a string by the computed custom property or its fallback. */
export function resolveCssVars(text: string, el: Element): string {
  const style = typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
  const pattern = /var\((--[\w-]+)(?:\s*,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)/g;
  let out = text;
  for (let pass = 0; pass < 4 && out.includes('var('); pass++) {
    out = out.replace(pattern, (_m, name: string, fallback?: string) => {
      const value = style?.getPropertyValue(name).trim();
      return value || (fallback ?? '').trim();
    });
  }
  return out;
}

/** Marker symbols centred on 0,0 with radius ~r: circle, square, triangle, diamond, cross, plus, star. */
export function symbolPath(slot: number, r = 4, cx = 0, cy = 0): string {
  const k = ((slot % 7) + 7) % 7;
  const round = (v: number) => Math.round(v * 10) / 10;
  let axis = 0;
  // Coordinates alternate x, y in every command below; shift them to the centre.
  const f = (v: number) => round(v + (axis++ % 2 === 0 ? cx : cy));
  switch (k) {
    case 0:
      return `M${round(cx + r)},${round(cy)}A${round(r)},${round(r)},0,1,1,${round(cx - r)},${round(cy)}A${round(r)},${round(r)},0,1,1,${round(cx + r)},${round(cy)}Z`;
    case 1:
      return `M${round(cx - r)},${round(cy - r)}H${round(cx + r)}V${round(cy + r)}H${round(cx - r)}Z`;
    case 2:
      return `M${f(0)},${f(-r * 1.2)}L${f(r * 1.1)},${f(r * 0.8)}L${f(-r * 1.1)},${f(r * 0.8)}Z`;
    case 3:
      return `M${f(0)},${f(-r * 1.3)}L${f(r)},${f(0)}L${f(0)},${f(r * 1.3)}L${f(-r)},${f(0)}Z`;
    case 4:
      return `M${f(-r)},${f(-r)}L${f(r)},${f(r)}M${f(r)},${f(-r)}L${f(-r)},${f(r)}`;
    case 5:
      return `M${f(-r * 1.2)},${f(0)}L${f(r * 1.2)},${f(0)}M${f(0)},${f(-r * 1.2)}L${f(0)},${f(r * 1.2)}`;
    default: {
      let d = '';
      for (let i = 0; i < 10; i++) {
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const rad = i % 2 === 0 ? r * 1.3 : r * 0.55;
        d += `${i === 0 ? 'M' : 'L'}${f(Math.cos(a) * rad)},${f(Math.sin(a) * rad)}`;
      }
      return `${d}Z`;
    }
  }
}

/** Open symbols (cross, plus) are stroked, the others filled. */
export function symbolIsOpen(slot: number): boolean {
  const k = ((slot % 7) + 7) % 7;
  return k === 4 || k === 5;
}

/** Divergence marker: a bold ✕ in a ring. */
export function divergencePath(r = 6): string {
  const a = r * 0.55;
  return `M${r},0A${r},${r},0,1,1,${-r},0A${r},${r},0,1,1,${r},0ZM${-a},${-a}L${a},${a}M${a},${-a}L${-a},${a}`;
}
