// Writes dist/sw.js, the service worker that keeps a visited chapter working offline (src/offline/service-worker.js
// says how it works). Runs after `astro build` and Pagefind (npm run build), because it lists their output:
//   VERSION   hash of every built file, so each deploy gets a new worker and a new cache;
//   CHAPTERS  for each chapter of each language, the URLs it needs offline.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { languageCodes } from '../src/i18n/language-list.mjs';

const { values } = parseArgs({ options: { dir: { type: 'string', default: 'dist' } } });
const root = values.dir;
const languages = languageCodes;
const output = join(root, 'sw.js');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}
const url = (path) => `/${relative(root, path).replaceAll('\\', '/')}`;
const all = files(root).filter((path) => path !== output).sort();

const version = createHash('sha256');
for (const path of all) version.update(url(path)).update(readFileSync(path));

// The engine and every page's code: JS, CSS, the worker and KaTeX's woff2 fonts (browsers that run the engine
// all read woff2, so the .woff/.ttf copies stay out), the tfjs wasm binaries, the dense-wasm kernel (emitted
// into /_astro/ by Vite) and the icon.
const shared = all
  .map(url)
  .filter((path) => (path.startsWith('/_astro/') && /\.(js|css|woff2|wasm)$/.test(path)) || path.startsWith('/tfjs-wasm/') || path === '/favicon.svg');

function pagefindFiles(lang) {
  const html = readFileSync(join(root, lang, 'index.html'), 'utf8');
  const code = (html.match(/<html[^>]*\slang="([^"]+)"/)?.[1] ?? lang).toLowerCase();
  return all
    .map(url)
    .filter((path) => path.startsWith('/pagefind/'))
    .filter((path) => {
      const name = path.slice('/pagefind/'.length);
      return ['pagefind.js', 'pagefind-entry.json', 'wasm.unknown.pagefind', `wasm.${code}.pagefind`].includes(name) || name.startsWith(`pagefind.${code}_`) || name.startsWith(`index/${code}_`) || name.startsWith(`fragment/${code}_`);
    });
}

const chapters = {};
for (const lang of languages) {
  const search = pagefindFiles(lang);
  for (const entry of readdirSync(join(root, lang), { withFileTypes: true })) {
    const chapterDir = join(root, lang, entry.name);
    if (!entry.isDirectory() || !existsSync(join(chapterDir, 'index.html'))) continue;
    const lessons = readdirSync(chapterDir).filter((name) => statSync(join(chapterDir, name)).isDirectory() && existsSync(join(chapterDir, name, 'index.html')));
    // Only chapters (a folder of lessons); single pages such as /pt/about/ or /pt/lab/ are not chapters.
    if (lessons.length === 0) continue;
    const chapter = `/${lang}/${entry.name}/`;
    chapters[chapter] = [chapter, ...lessons.map((lesson) => `${chapter}${lesson}/`), `/${lang}/`, `/${lang}/search/`, ...search, ...shared];
  }
}
if (Object.keys(chapters).length === 0) throw new Error(`no chapters found in ${root}: build the site first`);

const template = readFileSync(new URL('../src/offline/service-worker.js', import.meta.url), 'utf8');
const header = `const VERSION = ${JSON.stringify(version.digest('hex').slice(0, 16))};\nconst CHAPTERS = ${JSON.stringify(chapters)};\n`;
writeFileSync(output, header + template);
console.log(`service worker: ${Object.keys(chapters).length} chapters, ${shared.length} shared files, version ${header.slice(17, 33)}`);
