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
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: { name: 'engine', include: ['tests/engine/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000, pool: 'forks', globalSetup: ['scripts/build-wasm.mjs'] },
      },
      {
        // Each lesson claim about an experiment, checked on the engine over several seeds (tests/claims/README.md).
        resolve: { alias },
        test: { name: 'claims', include: ['tests/claims/**/*.test.ts'], environment: 'node', testTimeout: 3_600_000, pool: 'forks', globalSetup: ['scripts/build-wasm.mjs'] },
      },
      { resolve: { alias }, test: { name: 'plots', include: ['tests/plots/**/*.test.ts'], environment: 'jsdom' } },
      // Every preset trained afresh and compared with its pre-rendered result (slow: minutes of tfjs-cpu).
      {
        resolve: { alias },
        test: { name: 'prerender', include: ['tests/prerender/**/*.test.ts'], environment: 'jsdom', testTimeout: 1_200_000, pool: 'forks', globalSetup: ['scripts/build-wasm.mjs'], setupFiles: ['tests/prerender/dense-wasm-source.ts'] },
      },
    ],
  },
});
