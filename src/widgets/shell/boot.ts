/**
 * The only widget code that ships with a page (keep it tiny). `<dp-widget>` shows the pre-rendered result
 * (server HTML) and adds the Run button (only with a script: without one the button would do nothing). It
 * waits until it nears the viewport or the reader interacts with it, then loads the shell and its family's
 * code and mounts. A widget a permalink lands on is scrolled to, outlined and loaded at once (landing.ts).
 * If loading fails, a localized message and a retry stay inside the widget.
 */
import type { FamilyName } from './definition';
import { isLandingTarget, landOn, settleLanding } from './landing';

const NEAR_VIEWPORT = '300px 0px';

class DeepPracticeWidget extends HTMLElement {
  private observer: IntersectionObserver | null = null;
  private loading = false;
  /** Set by the placeholder's play button; read when the shell mounts, so a click during loading counts. */
  private playRequested = false;
  /** A permalink landed on this widget: it stays in view when it mounts. */
  private landed = false;

  connectedCallback(): void {
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) this.load(false);
    }, { rootMargin: NEAR_VIEWPORT });
    this.observer.observe(this);
    this.addEventListener('pointerdown', this.onInteract, { once: true });
    this.addEventListener('focusin', this.onInteract, { once: true });
    const playText = this.dataset.play;
    const island = this.querySelector('.dp-island');
    if (playText && island && !island.querySelector('[data-action="load-and-play"]')) {
      const play = document.createElement('button');
      play.type = 'button';
      play.dataset.action = 'load-and-play';
      play.textContent = playText;
      play.addEventListener('click', () => {
        play.disabled = true;
        play.textContent = this.dataset.loading ?? playText;
        void this.load(true);
      });
      island.prepend(play);
    }
    if (isLandingTarget(this)) {
      this.landed = true;
      landOn(this);
      void this.load(false);
    }
  }

  disconnectedCallback(): void {
    this.observer?.disconnect();
  }

  private readonly onInteract = () => this.load(false);

  private async load(playAfter: boolean): Promise<void> {
    // The play button's pointerdown starts loading before its click arrives: remember the click.
    this.playRequested ||= playAfter;
    if (this.loading) return;
    this.loading = true;
    this.observer?.disconnect();
    const family = this.dataset.family as FamilyName;
    const island = this.querySelector<HTMLElement>('.dp-island');
    if (!island) return;
    try {
      // The family list (registry.ts) holds every definition: it loads with the island, not with the page.
      const [{ mountWidget }, { family: definition }] = await Promise.all([
        import('./mount'),
        import('./loaders').then(({ familyLoaders }) => familyLoaders[family]()),
      ]);
      mountWidget(island, this, definition, this.playRequested);
    } catch (error) {
      console.warn('[widget] load failed', family, error);
      this.loading = false;
      this.showLoadFailure(island);
    }
    if (this.landed) settleLanding(this);
    this.landed = false;
  }

  private showLoadFailure(island: HTMLElement): void {
    island.querySelector('[data-action="load-and-play"]')?.remove();
    island.querySelector('.dp-load-failure')?.remove();
    const box = document.createElement('div');
    box.className = 'dp-load-failure';
    const text = document.createElement('p');
    text.setAttribute('role', 'alert');
    text.textContent = this.dataset.loadFailed ?? '';
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = this.dataset.retry ?? '';
    retry.addEventListener('click', () => void this.load(false));
    box.append(text, retry);
    // The pre-rendered result stays: the reader still sees the experiment.
    island.prepend(box);
  }
}

if (!customElements.get('dp-widget')) customElements.define('dp-widget', DeepPracticeWidget);
