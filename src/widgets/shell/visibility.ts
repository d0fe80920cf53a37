/** Reports whether a widget can be seen: on screen (IntersectionObserver) and the tab not hidden. */
export class Visibility {
  private onScreen = true;
  private readonly observer: IntersectionObserver;

  constructor(target: Element, private readonly onChange: (visible: boolean) => void) {
    this.observer = new IntersectionObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      this.onScreen = entry.isIntersecting;
      this.report();
    });
    this.observer.observe(target);
    document.addEventListener('visibilitychange', this.report);
  }

  private readonly report = () => this.onChange(this.onScreen && document.visibilityState === 'visible');

  destroy(): void {
    this.observer.disconnect();
    document.removeEventListener('visibilitychange', this.report);
  }
}
