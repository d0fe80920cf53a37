// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/lib/markdown-plugins.mjs';
import tfjsWasm from './src/widgets/wasm-files.mjs';
import contentSecurityPolicy from './src/lib/content-security-policy.mjs';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // tfjsWasm: the WASM backend's binaries are served by the site at /tfjs-wasm/, never from a CDN.
  // contentSecurityPolicy: hashes the inline scripts each built page carries into its CSP meta tag (last, so it
  // sees the final HTML).
  integrations: [mdx(), tfjsWasm(), contentSecurityPolicy()],
  markdown: {
    // KaTeX renders at build time; a malformed formula fails the build instead of showing red text.
    processor: unified({ remarkPlugins, rehypePlugins }),
  },
  vite: {
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
