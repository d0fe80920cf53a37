/** Downloads: standalone SVG with theme colours resolved, PNG with canvas layers composited, data as text. */
import { SVG_NS } from './dom';
import { BG, resolveCssVars } from './theme';

/** Standalone SVG markup: CSS variables replaced by their current values, so it looks the same anywhere. */
export function serializeSvg(svgEl: SVGSVGElement, themeSource: Element, area?: HTMLElement): string {
  const clone = svgEl.cloneNode(true) as SVGSVGElement;
  // Canvas layers (heatmaps) become embedded images under the marks.
  const anchor = clone.querySelector(':scope > desc')?.nextSibling ?? clone.firstChild;
  for (const layer of Array.from(area?.querySelectorAll<HTMLCanvasElement>('canvas.dp-plot__layer') ?? [])) {
    let href: unknown;
    try {
      href = layer.toDataURL('image/png');
    } catch {
      continue;
    }
    if (typeof href !== 'string' || !href.startsWith('data:image/png')) continue;
    const image = document.createElementNS(SVG_NS, 'image');
    for (const [attr, key] of [['x', 'x'], ['y', 'y'], ['width', 'w'], ['height', 'h']] as const) image.setAttribute(attr, layer.dataset[key] ?? '0');
    image.setAttribute('preserveAspectRatio', 'none');
    image.setAttribute('href', href);
    clone.insertBefore(image, anchor);
  }
  clone.setAttribute('xmlns', SVG_NS);
  const [, , w, h] = (svgEl.getAttribute('viewBox') ?? '0 0 640 400').split(/\s+/).map(Number);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  clone.removeAttribute('tabindex');
  const text = new XMLSerializer().serializeToString(clone);
  return resolveCssVars(text, themeSource);
}

/** Rasterize the SVG (2× for sharpness) over a background and the plot's canvas layers. */
export async function renderPng(area: HTMLElement, svgEl: SVGSVGElement, themeSource: Element): Promise<Blob> {
  const [, , w = 640, h = 400] = (svgEl.getAttribute('viewBox') ?? '0 0 640 400').split(/\s+/).map(Number);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  ctx.scale(scale, scale);
  ctx.fillStyle = resolveCssVars(BG, themeSource);
  ctx.fillRect(0, 0, w, h);
  for (const layer of Array.from(area.querySelectorAll<HTMLCanvasElement>('canvas.dp-plot__layer'))) {
    const x = Number(layer.dataset.x ?? 0);
    const y = Number(layer.dataset.y ?? 0);
    ctx.drawImage(layer, x, y, Number(layer.dataset.w ?? w), Number(layer.dataset.h ?? h));
  }
  const url = URL.createObjectURL(new Blob([serializeSvg(svgEl, themeSource)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    ctx.drawImage(img, 0, 0, w, h);
  } finally {
    URL.revokeObjectURL(url);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Save a blob through a temporary object URL. */
export function download(blob: Blob, fileName: string): void {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
