import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = {
  '@engine': fileURLToPath(new URL('./src/engine', import.meta.url)),
  '@widgets': fileURLToPath(new URL('./src/widgets', import.meta.url)),
  '@i18n': fileURLToPath(new URL('./src/i18n', import.meta.url)),
  '@lib': fileURLToPath(new URL('./src/lib', import.meta.url)),
  '@teach': fileURLToPath(new URL('./src/teach', import.meta.url)),
};

// Three kinds of Node tests: plain units, the engine (tfjs on cpu/wasm), and plots under jsdom.
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
        test: { name: 'claims', include: ['tests/claims/**/*.test.ts'], environment: 'node', testTimeout: 600_000, pool: 'forks' },
      },
      { resolve: { alias }, test: { name: 'plots', include: ['tests/plots/**/*.test.ts'], environment: 'jsdom' } },
    ],
  },
});
