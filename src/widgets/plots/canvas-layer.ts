/** A canvas laid over part of the SVG's viewBox (dense fields go to canvas, marks stay in SVG). */
import { html, setAttrs } from './dom';

export interface CanvasLayer {
  canvas: HTMLCanvasElement;
  /** Place the canvas over the rectangle (x, y, w, h) of a viewBox of size viewW × viewH. */
  place(x: number, y: number, w: number, h: number, viewW: number, viewH: number): void;
  /** 2-D context, or null where canvas is unavailable (jsdom). */
  context(): CanvasRenderingContext2D | null;
}

export function canvasLayer(area: HTMLElement): CanvasLayer {
  const canvas = html('canvas', { class: 'dp-plot__layer', 'aria-hidden': 'true' });
  area.insertBefore(canvas, area.firstChild);
  // The SVG marks must paint above the canvas even without plots.css: positioned, later in the DOM.
  const svgEl = area.querySelector('svg');
  if (svgEl && !svgEl.style.position) svgEl.style.position = 'relative';
  let ctx: CanvasRenderingContext2D | null | undefined;
  return {
    canvas,
    place(x, y, w, h, viewW, viewH) {
      setAttrs(canvas, { 'data-x': x, 'data-y': y, 'data-w': w, 'data-h': h });
      const pct = (v: number, of: number) => `${Math.round((v / of) * 10000) / 100}%`;
      canvas.style.left = pct(x, viewW);
      canvas.style.top = pct(y, viewH);
      canvas.style.width = pct(w, viewW);
      canvas.style.height = pct(h, viewH);
    },
    context() {
      if (ctx === undefined) {
        try {
          ctx = canvas.getContext('2d');
        } catch {
          ctx = null;
        }
      }
      return ctx;
    },
  };
}
