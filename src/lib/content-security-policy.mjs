// @ts-check
/**
 * The site's Content-Security-Policy, computed from what the build actually emitted.
 *
 * After `astro build`, the integration reads every HTML page, hashes each inline <script> (SHA-256 of its exact
 * text, as browsers hash it) and puts the policy in a <meta http-equiv> at the top of <head>, so static hosts
 * enforce it too. scripts/serve.mjs sends the same policy as a header (plus frame-ancestors, which a meta tag
 * cannot carry) together with the Referrer-Policy.
 *
 * What each source is for: scripts are the site's own files plus the hashed inline ones; 'wasm-unsafe-eval' lets
 * tfjs-wasm and Pagefind compile WebAssembly; workers (the engine, the service worker) come from the site;
 * KaTeX sets style attributes (so style-src needs 'unsafe-inline') and its fonts may be inlined as data: URLs;
 * plot export draws SVG into an <img> from data:/blob: URLs. Nothing is loaded from another origin.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const referrerPolicy = 'no-referrer';
const META_MARK = 'http-equiv="Content-Security-Policy"';

/**
 * @param {readonly string[]} scriptHashes sources like 'sha256-…' (quoted)
 * @param {{ header?: boolean }} [options]
 */
export function policy(scriptHashes, options = {}) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.join(' ')}`.trim(),
    "worker-src 'self'",
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
  ];
  if (options.header) directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** @param {string} text */
export function scriptHash(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The inline scripts of a page (a <script> without src), as the browser will hash them. @param {string} html */
export function inlineScripts(html) {
  const scripts = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    if (/type\s*=\s*["']?(application\/(ld\+)?json|importmap)/i.test(attributes)) continue;
    scripts.push(match[2] ?? '');
  }
  return scripts;
}

/** The page with its policy (and referrer policy) at the top of <head>. @param {string} html */
export function withPolicy(html) {
  if (html.includes(META_MARK)) throw new Error('page already carries a Content-Security-Policy meta tag');
  const hashes = [...new Set(inlineScripts(html).map(scriptHash))];
  const tags = `<meta ${META_MARK} content="${policy(hashes)}"><meta name="referrer" content="${referrerPolicy}">`;
  // Right after <meta charset> (which must stay in the first 1024 bytes), before any script.
  const head = html.match(/<meta charset="[^"]*">/i) ?? html.match(/<head[^>]*>/i);
  if (!head || head.index === undefined) throw new Error('page has no <head>');
  const at = head.index + head[0].length;
  return html.slice(0, at) + tags + html.slice(at);
}

/** The policy a page's meta tag carries (for the header), or null. @param {string} html */
export function policyOfPage(html) {
  const match = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  return match ? match[1] ?? null : null;
}

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function contentSecurityPolicy() {
  return {
    name: 'deep-practice:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let pages = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          await writeFile(file, withPolicy(await readFile(file, 'utf8')));
          pages += 1;
        }
        logger.info(`Content-Security-Policy written into ${pages} pages`);
      },
    },
  };
}
