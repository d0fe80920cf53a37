/**
 * The search page: Pagefind's JS API over the index of this page's language (Pagefind picks it from
 * <html lang>). The query comes from ?q= and is shown as text; result excerpts are Pagefind's own
 * escaped text with <mark> around the hits. While the index loads and searches, the status says so. Each
 * found page lists the sections that hold the hits (search-sections.ts), each linking to its heading.
 */
import { readQuery } from './search-query';
import { matchingSections, type PagefindSubResult } from './search-sections';

interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
interface PagefindResult {
  data(): Promise<PagefindData>;
}
interface Pagefind {
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}

const maxResults = 20;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : match));
}

export async function runSearch(): Promise<void> {
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const input = document.querySelector<HTMLInputElement>('#search-query')!;
  const query = readQuery(location.search);
  input.value = query;
  if (!query) {
    input.focus();
    return;
  }
  const { locale = 'en', results: resultsJson = '{}', none = '', unavailable = '', searching = '', sections = '' } = status.dataset;
  status.textContent = searching;
  list.setAttribute('aria-busy', 'true');
  let pagefind: Pagefind;
  try {
    const url = '/pagefind/pagefind.js';
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.init();
  } catch {
    status.textContent = unavailable;
    list.removeAttribute('aria-busy');
    return;
  }
  const { results } = await pagefind.search(query);
  const shown = await Promise.all(results.slice(0, maxResults).map((result) => result.data()));
  const forms = JSON.parse(resultsJson) as Record<string, string>;
  const rule = new Intl.PluralRules(locale).select(results.length);
  const count = new Intl.NumberFormat(locale).format(results.length);
  status.textContent = results.length ? fill(forms[rule] ?? forms.other ?? '', { count, query }) : fill(none, { query });
  list.replaceChildren(...shown.map((data) => resultItem(data, sections)));
  list.removeAttribute('aria-busy');
}

/** A found page: its title (a link to the page), then the sections that hold the hits, each a link to its
 * heading with the hits in context; a page whose hits all sit above its first heading shows them under the title. */
function resultItem(data: PagefindData, sectionsLabel: string): HTMLLIElement {
  const item = document.createElement('li');
  item.append(link(data.url, data.meta.title ?? data.url));
  const found = matchingSections(data.url, data.sub_results);
  if (found.length === 0) {
    item.append(excerpt(data.excerpt));
    return item;
  }
  const sections = document.createElement('ul');
  sections.className = 'search-sections';
  sections.setAttribute('aria-label', sectionsLabel);
  for (const section of found) {
    const entry = document.createElement('li');
    entry.append(link(section.url, section.title), excerpt(section.excerpt));
    sections.append(entry);
  }
  item.append(sections);
  return item;
}

function link(href: string, text: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

function excerpt(html: string): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.innerHTML = html; // Pagefind escapes page text; only its <mark> tags are markup.
  return paragraph;
}
