/**
 * Mounting swaps a widget's pre-rendered result for the live widget (toolbar, status, controls), which is
 * hundreds of pixels taller. When that widget starts above the reader's view (they scrolled past it, or a
 * click scrolled up to a button just below it), the growth pushes everything the reader is looking at down
 * the page: a widget they had just started slides out of view and pauses there (off-screen pause).
 * Scroll anchoring should prevent that, but not every browser has it, and Chromium's did not in the measured
 * case (a click scrolled up to a Run button while the widget above mounted: the started widget went off-screen).
 * So the view is kept still by hand: a widget whose top is above the view grows upwards, the bottom edge of its
 * frame (the figure around it: caption and margins change too) stays put.
 * Chromium applies its own anchoring during the forced layout of the second measurement, so when it does
 * work the edge has not moved and nothing is scrolled twice.
 */
export function keepingViewStill<T>(host: HTMLElement, change: () => T): T {
  const frame = host.closest('figure') ?? host;
  const before = frame.getBoundingClientRect();
  const result = change();
  // Its top in view (the reader sees it grow downwards), or the widget spans the whole view: nothing to keep.
  if (before.top >= 0 || before.bottom > innerHeight) return result;
  const shift = frame.getBoundingClientRect().bottom - before.bottom;
  if (Math.abs(shift) >= 1) scrollBy({ top: shift, behavior: 'instant' });
  return result;
}
