/**
 * Registers the service worker (dist/sw.js, built by scripts/build-offline.mjs) and tells it which page the
 * reader opened; on a lesson or chapter page it caches that chapter for offline use. When the chapter is cached,
 * `<html data-offline="ready">` says so (the e2e test waits for it). Production builds only: `astro dev` has no
 * sw.js.
 */
export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'offline-ready') document.documentElement.dataset.offline = 'ready';
  });
  // A new deploy's worker takes over with an empty cache: tell it where the reader is, so it caches the chapter.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    navigator.serviceWorker.controller?.postMessage({ type: 'visited', path: location.pathname });
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ type: 'visited', path: location.pathname }))
    .catch((error: unknown) => {
      // Private windows and some browsers refuse service workers: the site works online as before.
      console.warn('[offline] service worker unavailable', error);
    });
}
