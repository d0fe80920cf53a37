import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@engine': fileURLToPath(new URL('./src/engine', import.meta.url)),
  '@widgets': fileURLToPath(new URL('./src/widgets', import.meta.url)),
  '@i18n': fileURLToPath(new URL('./src/i18n', import.meta.url)),
  '@lib': fileURLToPath(new URL('./src/lib', import.meta.url)),
  '@teach': fileURLToPath(new URL('./src/teach', import.meta.url)),
};

// Four kinds of Node tests: plain units, the engine (tfjs on cpu/wasm), plots under jsdom, and the pre-render.
// No test asserts a time: the timeouts only stop a hung test. The unit and plot projects get 60 s (not vitest's 5 s
// default) because a few of their tests (axe over every plot, the permalink fuzz) take 3–5 s on a loaded 2-core CI
// machine, and one such timeout failed a CI run whose assertions all held.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        resolve: { alias },
        test: { name: 'engine', include: ['tests/engine/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks', globalSetup: ['scripts/build-wasm.mjs'] },
      },
      {
        // Each lesson claim about an experiment, checked on the engine over several seeds (tests/claims/README.md).
        resolve: { alias },
        test: { name: 'claims', include: ['tests/claims/**/*.test.ts'], environment: 'node', testTimeout: 3_600_000, pool: 'forks', globalSetup: ['scripts/build-wasm.mjs'] },
      },
      { resolve: { alias }, test: { name: 'plots', include: ['tests/plots/**/*.test.ts'], environment: 'jsdom', testTimeout: 60_000 } },
      // Every preset trained afresh and compared with its pre-rendered result (slow: minutes of tfjs-cpu).
      {
        resolve: { alias },
        test: { name: 'prerender', include: ['tests/prerender/**/*.test.ts'], environment: 'jsdom', testTimeout: 1_200_000, pool: 'forks', globalSetup: ['scripts/build-wasm.mjs'], setupFiles: ['tests/prerender/dense-wasm-source.ts'] },
      },
    ],
  },
});
