/**
 * A DOM for build-time rendering in Node (jsdom, as in tests/plots): the families' views and the plots create
 * elements through the globals `document`, `window`, `HTMLElement`… Canvas has no 2-D context here, which the
 * plots already treat as "no canvas" (dense fields stay out of the static result).
 */
import { JSDOM } from 'jsdom';

const GLOBALS = [
  'window', 'document', 'navigator', 'Node', 'Element', 'HTMLElement', 'SVGElement', 'HTMLCanvasElement', 'HTMLButtonElement',
  'HTMLInputElement', 'HTMLSelectElement', 'HTMLTableRowElement', 'DocumentFragment', 'getComputedStyle', 'requestAnimationFrame',
  'cancelAnimationFrame', 'matchMedia', 'CustomEvent', 'Event', 'KeyboardEvent', 'PointerEvent', 'MouseEvent', 'XMLSerializer',
] as const;

let installed = false;

export function installDom(): void {
  if (installed) return;
  installed = true;
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  const window = dom.window as unknown as Record<string, unknown> & { HTMLCanvasElement: { prototype: Record<string, unknown> } };
  window.HTMLCanvasElement.prototype.getContext = () => null;
  window.HTMLCanvasElement.prototype.toDataURL = () => 'data:,';
  window.matchMedia = (query: string) => ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} });
  for (const name of GLOBALS) {
    const value = name === 'window' ? window : window[name];
    if (value === undefined) continue;
    Object.defineProperty(globalThis, name, { value: typeof value === 'function' && /^[a-z]/.test(name) ? (value as () => unknown).bind(window) : value, configurable: true, writable: true });
  }
}
