// Serves the built site (dist/) on http://127.0.0.1:<port>/ — what `npm start` and the e2e tests use.
// A missing page gets the 404 page of its language (/ru/… → /ru/404/), with status 404.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { policy, policyOfPage, referrerPolicy } from '../src/lib/content-security-policy.mjs';
import { languageCodes } from '../src/i18n/language-list.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', default: process.env.PORT ?? '4321' }, dir: { type: 'string', default: 'dist' } },
});
const root = resolve(values.dir);
const port = Number(values.port);
const languages = languageCodes;

if (!existsSync(join(root, 'index.html'))) {
  console.error(`No built site in ${root}. Run "npm run build" first (or "npm start", which builds).`);
  process.exit(1);
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A page's own policy (its meta tag, with its inline-script hashes) plus frame-ancestors; other files get the
 * policy without hashes (it governs what a worker script may do). */
function securityPolicy(file) {
  const page = file.endsWith('.html') ? policyOfPage(readFileSync(file, 'utf8')) : null;
  return page ? `${page}; frame-ancestors 'none'` : policy([], { header: true });
}

function fileFor(pathname) {
  const safe = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(root, safe);
  if (!candidate.startsWith(root)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  // Cross-origin isolation lets tfjs's WASM backend use threads; the site loads nothing from elsewhere.
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', referrerPolicy);
  let file;
  try {
    file = fileFor(url.pathname);
  } catch {
    file = null;
  }
  if (file && file.endsWith('index.html') && !url.pathname.endsWith('/') && !extname(url.pathname)) {
    response.writeHead(301, { Location: `${url.pathname}/${url.search}` });
    response.end();
    return;
  }
  let status = 200;
  if (!file) {
    status = 404;
    const lang = url.pathname.split('/')[1];
    file = join(root, languages.includes(lang) ? `${lang}/404/index.html` : '404.html');
  }
  response.writeHead(status, {
    'Content-Security-Policy': securityPolicy(file),
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Deep Practice is served at http://127.0.0.1:${port}/ (Ctrl+C stops it)`);
});
