/** Redraws at most ~15 times a second (2 under reduced motion): the numbers keep flowing, the page stays calm. */
export class RenderQueue {
  private queued = false;
  private last = 0;

  constructor(private readonly draw: () => void, private readonly reducedMotion: boolean) {}

  request(): void {
    if (this.queued) return;
    this.queued = true;
    const minimumGap = this.reducedMotion ? 500 : 66;
    const wait = Math.max(0, this.last + minimumGap - performance.now());
    setTimeout(() => requestAnimationFrame(() => {
      this.queued = false;
      this.last = performance.now();
      this.draw();
    }), wait);
  }
}
