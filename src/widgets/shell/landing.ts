/**
 * Where a permalink lands. The hash names widgets by id, and no element has such an id with `=…` in it, so the
 * browser would stay at the top of a long page. The first widget the hash names (hash-links.ts) is scrolled
 * into view, takes the focus (keyboard and screen-reader users start there) and is outlined for a moment; the
 * outline fades in CSS (widget.css, no fade with reduced motion). Shipped with boot.ts: keep it tiny.
 */
import { landingTarget } from './hash-links';

/** How long the landing outline stays once the widget has loaded (widget.css fades it over slightly less). */
const LANDED_MS = 4000;
/** Room between the sticky header and the frame, in pixels. */
const GAP = 12;
/** The reader scrolled or typed since the landing: from then on the view is theirs. */
let readerMoved = false;

/** Whether the page's hash lands on this `<dp-widget>` (the first one it names that is on the page). */
export function isLandingTarget(host: HTMLElement): boolean {
  if (location.hash.length < 2 || host.id === '') return false;
  const ids = new Set([...document.querySelectorAll('dp-widget')].map((widget) => widget.id));
  return landingTarget(location.hash, ids) === host.id;
}

/** Puts the frame's top just below the sticky header (one row or two, depending on the width), instantly: other
 * widgets mounting above keep the view still by scrolling, which would cut a smooth scroll short. */
function bringIntoView(frame: HTMLElement): void {
  const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  scrollBy({ top: frame.getBoundingClientRect().top - Math.max(header, 0) - GAP, behavior: 'instant' });
}

/** The widget's frame: scrolled to, focused without a second scroll, outlined while it loads. */
export function landOn(host: HTMLElement): void {
  const frame = host.closest<HTMLElement>('figure') ?? host;
  bringIntoView(frame);
  frame.tabIndex = -1;
  frame.focus({ preventScroll: true });
  frame.dataset.landed = 'true';
  for (const type of ['wheel', 'touchmove', 'keydown']) addEventListener(type, () => (readerMoved = true), { once: true, passive: true });
}

/** After the widget loaded (it grew, and so may have what is above it): back into view if it left it, unless
 * the reader has moved on meanwhile; the outline, shown while it loaded, now fades. */
export function settleLanding(host: HTMLElement): void {
  const frame = host.closest<HTMLElement>('figure') ?? host;
  const top = frame.getBoundingClientRect().top;
  if (!readerMoved && (top < 0 || top > innerHeight / 2)) bringIntoView(frame);
  frame.dataset.landed = 'fading';
  setTimeout(() => delete frame.dataset.landed, LANDED_MS);
}
