#!/usr/bin/env node
/**
 * Pre-renders every widget preset (npm run build runs it before Astro): trains each preset's runs in Node with
 * the page's own code (loaded through Vite, as in the tests), draws the plots as static SVG in every language
 * and writes them to .prerender/results for the .astro wrapper. Recorded runs are cached in .prerender/runs
 * by a hash of the engine, the run code and the state, so a warm rebuild only re-draws.
 *   node scripts/prerender.mjs [--fresh]   (--fresh ignores the cache)
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const alias = Object.fromEntries(['engine', 'widgets', 'i18n', 'lib'].map((name) => [`@${name}`, `${root}src/${name}`]));
const started = Date.now();

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  resolve: { alias },
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const { installDom } = await server.ssrLoadModule('/src/widgets/prerender/dom-env.ts');
  installDom();
  const files = await server.ssrLoadModule('/src/widgets/prerender/files.ts');
  if (process.argv.includes('--fresh')) rmSync(`${root}${files.PRERENDER_CACHE_DIRECTORY}`, { recursive: true, force: true });
  const { prerenderAll } = await server.ssrLoadModule('/src/widgets/prerender/build.ts');
  const counts = await prerenderAll({
    root,
    cacheDirectory: `${root}${files.PRERENDER_CACHE_DIRECTORY}`,
    outDirectory: `${root}${files.PRERENDER_DIRECTORY}`,
    log: (line) => console.log(line),
  });
  console.log(`pre-rendered widgets: ${counts.recorded} trained, ${counts.cached} drawn from cached runs, ${counts.current} up to date, ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await server.close();
}
