// @ts-check
/**
 * Serves the tfjs WASM backend's binaries at /tfjs-wasm/ (the engine's default `runtime.wasmPath`):
 * copied into dist/ after `astro build`, and served straight from node_modules by `astro dev`.
 * Hook: in astro.config.mjs, `integrations: [mdx(), tfjsWasm()]` with
 * `import tfjsWasm from './src/widgets/wasm-files.mjs'`.
 */
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WASM_URL_PATH = '/tfjs-wasm/';

/** The folder of the installed @tensorflow/tfjs-backend-wasm's .wasm files. */
export function wasmSourceDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

/**
 * Copies every .wasm file into `<outDir>/tfjs-wasm/`; returns the names copied.
 * @param {string} outDir
 */
export async function copyWasmFiles(outDir) {
  const source = wasmSourceDir();
  const target = join(outDir, WASM_URL_PATH);
  await mkdir(target, { recursive: true });
  const names = (await readdir(source)).filter((name) => name.endsWith('.wasm'));
  await Promise.all(names.map((name) => copyFile(join(source, name), join(target, name))));
  return names;
}

/** @returns {import('astro').AstroIntegration} */
export default function tfjsWasm() {
  return {
    name: 'deep-practice:tfjs-wasm',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(async (request, response, next) => {
          const url = request.url ?? '';
          const name = url.startsWith(WASM_URL_PATH) ? url.slice(WASM_URL_PATH.length).split('?')[0] ?? '' : '';
          if (!/^[\w.-]+\.wasm$/.test(name)) return next();
          try {
            const body = await readFile(join(wasmSourceDir(), name));
            response.setHeader('Content-Type', 'application/wasm');
            response.end(body);
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const names = await copyWasmFiles(fileURLToPath(dir));
        logger.info(`copied ${names.length} tfjs wasm files to ${WASM_URL_PATH}`);
      },
    },
  };
}
