#!/usr/bin/env node
/**
 * Pre-renders every widget preset (npm run build runs it before Astro): trains each preset's runs in Node with
 * the page's own code (loaded through Vite, as in the tests), draws the plots as static SVG in every language
 * and writes them to .prerender/results for the .astro wrapper. Recorded runs are cached in .prerender/runs
 * by a hash of the engine, the run code and the state, so a warm rebuild only re-draws.
 *
 * Training is single-threaded, so the presets are shared out between worker processes (one per core, at most 4):
 * each takes the next preset as soon as it is free, so one long preset does not hold up the rest.
 *   node scripts/prerender.mjs [--fresh] [--jobs N]   (--fresh trains every preset again; --jobs 1 works in this process)
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const alias = Object.fromEntries(['engine', 'widgets', 'i18n', 'lib'].map((name) => [`@${name}`, `${root}src/${name}`]));
const started = Date.now();
const argument = (name) => {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
};

/** A Vite server that loads the page's TypeScript in Node, and the pre-render modules through it. */
async function loadPrerender() {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    resolve: { alias },
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const { installDom } = await server.ssrLoadModule('/src/widgets/prerender/dom-env.ts');
  installDom();
  const files = await server.ssrLoadModule('/src/widgets/prerender/files.ts');
  const build = await server.ssrLoadModule('/src/widgets/prerender/build.ts');
  const context = build.prerenderContext({
    root,
    cacheDirectory: `${root}${files.PRERENDER_CACHE_DIRECTORY}`,
    outDirectory: `${root}${files.PRERENDER_DIRECTORY}`,
    fresh: process.argv.includes('--fresh'),
    log: (line) => console.log(line),
  });
  return { server, build, context };
}

function report(counts) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`pre-rendered widgets: ${counts.recorded} trained, ${counts.cached} drawn from cached runs, ${counts.current} up to date, ${seconds} s`);
}

/** A worker process: loads the modules once, then pre-renders each job index the parent sends. */
async function child() {
  const { build, context } = await loadPrerender();
  const jobs = build.prerenderJobs();
  process.on('message', async (index) => {
    if (index === 'exit') process.exit(0);
    try {
      process.send({ outcome: await build.prerenderJob(context, jobs[index]) });
    } catch (error) {
      process.send({ error: `${jobs[index].family}/${jobs[index].preset}: ${error?.stack ?? error}` });
    }
  });
  process.send({ ready: jobs.length });
}

async function inProcess() {
  const { server, build, context } = await loadPrerender();
  try {
    const counts = { recorded: 0, cached: 0, current: 0 };
    for (const job of build.prerenderJobs()) counts[await build.prerenderJob(context, job)] += 1;
    report(counts);
  } finally {
    await server.close();
  }
}

async function parallel(workers) {
  const counts = { recorded: 0, cached: 0, current: 0 };
  let next = 0;
  let total = Infinity;
  const failures = [];
  await Promise.all(
    Array.from({ length: workers }, () => new Promise((resolve, reject) => {
      const worker = fork(fileURLToPath(import.meta.url), ['--child', ...process.argv.slice(2)], { stdio: 'inherit' });
      const hand = () => {
        if (next < total && failures.length === 0) worker.send(next++);
        else worker.send('exit');
      };
      worker.on('message', (message) => {
        if (message.ready !== undefined) total = Math.min(total, message.ready);
        if (message.outcome) counts[message.outcome] += 1;
        if (message.error) failures.push(message.error);
        hand();
      });
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a pre-render worker exited with code ${code}`))));
    })),
  );
  if (failures.length) throw new Error(`pre-render failed:\n${failures.join('\n')}`);
  report(counts);
}

if (process.argv.includes('--child')) await child();
else {
  const workers = Number(argument('--jobs') ?? process.env.PRERENDER_JOBS ?? Math.min(availableParallelism(), 4));
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--jobs must be a whole number ≥ 1, not ${argument('--jobs')}`);
  if (workers === 1) await inProcess();
  else await parallel(workers);
}
