import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepingViewStill } from '@widgets/shell/keep-view';

const VIEW = 720;

/** A widget frame at `top` (px from the view's top), `height` tall; the test changes `box` as a mount would. */
function frame(top: number, height: number) {
  const box = { top, height };
  const element = {
    closest: () => element,
    getBoundingClientRect: () => ({ top: box.top, bottom: box.top + box.height }),
  };
  return { box, host: element as unknown as HTMLElement };
}

function watchScroll(): number[] {
  const scrolls: number[] = [];
  vi.stubGlobal('innerHeight', VIEW);
  vi.stubGlobal('scrollBy', ({ top }: ScrollToOptions) => scrolls.push(top ?? 0));
  return scrolls;
}

afterEach(() => vi.unstubAllGlobals());

describe('keepingViewStill', () => {
  it('scrolls by the growth of a widget above the view, so what is below it does not move', () => {
    const scrolls = watchScroll();
    const { box, host } = frame(-1300, 1000);
    const made = keepingViewStill(host, () => {
      box.height += 506;
      return 'widget';
    });
    expect(made).toBe('widget');
    expect(scrolls).toEqual([506]);
  });

  it('also when the widget above is partly in view (its bottom edge is what the reader sees move)', () => {
    const scrolls = watchScroll();
    const { box, host } = frame(-400, 478);
    keepingViewStill(host, () => (box.height += 276));
    expect(scrolls).toEqual([276]);
  });

  it('leaves the view alone when the browser already anchored it (the edge did not move)', () => {
    const scrolls = watchScroll();
    const { box, host } = frame(-1300, 1000);
    keepingViewStill(host, () => {
      box.height += 506;
      box.top -= 506; // what scroll anchoring does
    });
    expect(scrolls).toEqual([]);
  });

  it('lets a widget whose top is in or below the view grow downwards, and one that spans the view stay', () => {
    const scrolls = watchScroll();
    for (const [top, height] of [[0, 500], [300, 500], [900, 500], [-100, 1200]] as const) {
      const { box, host } = frame(top, height);
      keepingViewStill(host, () => (box.height += 400));
    }
    expect(scrolls).toEqual([]);
  });
});
