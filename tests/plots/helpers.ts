/** Shared fixtures for plot tests: labels, seeded data, and markup normalization for snapshots. */
import type { PlotLabels, XYPoint } from '@widgets/plots/types';

// jsdom has no canvas (it would log "not implemented" for each call): plots treat a null context as "no canvas".
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
HTMLCanvasElement.prototype.toDataURL = () => 'data:,';

/** Placeholder "translations": visibly not English UI literals, so a leak from the plot code would show. */
export const common = {
  showTable: 'Mostrar dados como tabela',
  hideTable: 'Ocultar tabela',
  download: 'Baixar',
  exportPng: 'Imagem PNG',
  exportSvg: 'Imagem SVG',
  exportCsv: 'Dados CSV',
  exportJson: 'Dados JSON',
  keyboardHint: 'Use as setas para ler os valores',
};

export function labels<T extends object>(title: string, extra: T): PlotLabels & T {
  return { ...common, title, description: `${title}: descrição`, ...extra };
}

/** mulberry32: small seeded generator so snapshots are stable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function curve(n: number, f: (x: number) => number, x0 = 0, x1 = n - 1): XYPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const x = n === 1 ? x0 : x0 + ((x1 - x0) * i) / (n - 1);
    return { x, y: f(x) };
  });
}

/** Loss of a run: exponential decay towards a floor plus seeded noise. */
export function lossRun(steps: number, rate: number, seed: number): XYPoint[] {
  const rand = seeded(seed);
  return curve(steps, (x) => 0.1 + 2 * Math.exp(-rate * x) + (rand() - 0.5) * 0.05);
}

/**
 * Markup for snapshots: generated ids replaced by stable names, numbers in attributes rounded to 2 decimals,
 * one tag per line.
 */
export function normalize(root: Element): string {
  let html = root.outerHTML;
  const ids = new Map<string, string>();
  html = html.replace(/dp-[a-z-]+-\d+/g, (id) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size + 1}`);
    return ids.get(id)!;
  });
  html = html.replace(/(\s[\w:-]+=")([^"]*)"/g, (_m, name: string, value: string) => {
    const rounded = value.replace(/-?\d+\.\d+(e-?\d+)?/g, (num) => {
      const v = Math.round(Number(num) * 100) / 100;
      return String(Object.is(v, -0) ? 0 : v);
    });
    return `${name}${rounded}"`;
  });
  return html.replace(/></g, '>\n<');
}

export function host(width = 640): HTMLElement {
  const el = document.createElement('div');
  document.body.appendChild(el);
  Object.defineProperty(el, 'clientWidth', { value: width });
  return el;
}

export function press(el: Element, key: string, shiftKey = false): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true }));
}
