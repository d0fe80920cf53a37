/** The search page's `?q=`: any text is a query; it is trimmed, stripped of control characters and cut short. */
export const maxQueryLength = 200;

export function readQuery(search: string): string {
  const raw = new URLSearchParams(search).get('q') ?? '';
  // eslint-disable-next-line no-control-regex
  return raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, maxQueryLength).replace(/[\uD800-\uDBFF]$/, '').trim();
}
