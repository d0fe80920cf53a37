// Copies the tfjs WASM backend's .wasm files into dist/tfjs-wasm/ (the same thing the Astro integration in
// src/widgets/wasm-files.mjs does after `astro build`). Usage: node scripts/copy-wasm.mjs [outDir]
import { copyWasmFiles } from '../src/widgets/wasm-files.mjs';

const outDir = process.argv[2] ?? 'dist';
const names = await copyWasmFiles(outDir);
console.log(`copied ${names.join(', ')} to ${outDir}/tfjs-wasm/`);
