/**
 * Which sections of a found page to offer. Pagefind splits a page's hits by the headings before them (its
 * `sub_results`, in page order; the first is the part above the first heading and links to the page itself).
 * The reader gets the sections that hold hits, best first, each linking to its heading.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: Array<{ weight: number; balanced_score?: number }>;
}

/** How many sections a result lists at most. */
export const maxSections = 3;

/** A section's score: the sum of its hits' scores (Pagefind's balanced score, else the plain weight). */
function score(section: PagefindSubResult): number {
  return (section.weighted_locations ?? []).reduce((sum, hit) => sum + (hit.balanced_score ?? hit.weight), 0);
}

/** The sections under a heading (their URL has an anchor of this page) that hold hits, best first. */
export function matchingSections(pageUrl: string, subResults: readonly PagefindSubResult[] | undefined): PagefindSubResult[] {
  const page = pageUrl.split('#')[0] ?? pageUrl;
  return (subResults ?? [])
    .filter((section) => section.url.startsWith(`${page}#`) && section.url.length > page.length + 1 && section.title.trim() !== '')
    .map((section, order) => ({ section, order, score: score(section) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, maxSections)
    .map(({ section }) => section);
}
