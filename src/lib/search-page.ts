/**
 * The search page: Pagefind's JS API over the index of this page's language (Pagefind picks it from
 * <html lang>). The query comes from ?q= and is shown as text; result excerpts are Pagefind's own
 * escaped text with <mark> around the hits.
 */
import { readQuery } from './search-query';

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
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
  const { locale = 'en', results: resultsJson = '{}', none = '', unavailable = '' } = status.dataset;
  let pagefind: Pagefind;
  try {
    const url = '/pagefind/pagefind.js';
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pagefind.init();
  } catch {
    status.textContent = unavailable;
    return;
  }
  const { results } = await pagefind.search(query);
  const shown = await Promise.all(results.slice(0, maxResults).map((result) => result.data()));
  const forms = JSON.parse(resultsJson) as Record<string, string>;
  const rule = new Intl.PluralRules(locale).select(results.length);
  const count = new Intl.NumberFormat(locale).format(results.length);
  status.textContent = results.length ? fill(forms[rule] ?? forms.other ?? '', { count, query }) : fill(none, { query });
  list.replaceChildren(
    ...shown.map((data) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = data.url;
      link.textContent = data.meta.title ?? data.url;
      const excerpt = document.createElement('p');
      excerpt.innerHTML = data.excerpt; // Pagefind escapes page text; only its <mark> tags are markup.
      item.append(link, excerpt);
      return item;
    }),
  );
}
