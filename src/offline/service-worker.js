/*
 * Deep Practice's service worker: once a reader opens a lesson, that chapter keeps working offline.
 *
 * The build (scripts/build-offline.mjs) writes dist/sw.js as this file preceded by two constants:
 *   VERSION   a hash of every built file: a new deploy is a new worker with a new cache;
 *   CHAPTERS  chapter path ("/pt/how-networks-learn/") -> the URLs it needs offline: its pages, the search page
 *             and the language's Pagefind index, the engine's code (JS chunks, worker, CSS, fonts) and the
 *             tfjs wasm binaries.
 * A page tells the worker where it is ({ type: 'visited', path }); if the path is in a chapter, the worker caches
 * that chapter's URLs and answers { type: 'offline-ready', chapter }. Pages tell it again when a new worker takes
 * over (a deploy), so the new version's cache fills while the reader is still online.
 *
 * Requests: hashed assets (/_astro/) come from the cache first (they never change under one name); everything
 * else goes to the network first (so a reader online always sees the current deploy) and falls back to the cache.
 * Old versions' caches are deleted when a new worker activates.
 */
/* global VERSION, CHAPTERS */
const CACHE_PREFIX = 'deep-practice-';
const CACHE = `${CACHE_PREFIX}${VERSION}`;

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

function chapterOf(path) {
  return Object.keys(CHAPTERS).find((chapter) => path.startsWith(chapter)) ?? null;
}

/** Chapters being cached now: a second request for the same chapter waits for the first. */
const pending = new Map();

function cacheChapter(chapter) {
  if (!pending.has(chapter)) pending.set(chapter, fillChapter(chapter).finally(() => pending.delete(chapter)));
  return pending.get(chapter);
}

/** Caches every URL of the chapter that is not cached yet (a retry after a failure resumes where it stopped). */
async function fillChapter(chapter) {
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const url of CHAPTERS[chapter]) if (!(await cache.match(url))) missing.push(url);
  // Small batches: the engine chunks are large and the reader's page is loading too.
  for (let start = 0; start < missing.length; start += 6) await cache.addAll(missing.slice(start, start + 6));
}

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'visited' || typeof data.path !== 'string') return;
  const chapter = chapterOf(data.path);
  if (!chapter) return;
  event.waitUntil(
    cacheChapter(chapter).then(
      () => event.source?.postMessage({ type: 'offline-ready', chapter, version: VERSION }),
      () => event.source?.postMessage({ type: 'offline-failed', chapter }),
    ),
  );
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // Keep what was cached for offline use fresh; cache new pages only when they belong to a cached chapter.
    const url = new URL(request.url);
    const keep = response.ok && !response.redirected && ((await cache.match(request, { ignoreSearch: true })) || (await chapterCached(url.pathname, cache)));
    if (keep) {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

/** A page of a chapter whose pages are cached (its first page is there). */
async function chapterCached(path, cache) {
  const chapter = chapterOf(path);
  return chapter ? Boolean(await cache.match(chapter)) : false;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  event.respondWith(url.pathname.startsWith('/_astro/') ? cacheFirst(request) : networkFirst(request));
});
