/** Light/dark theme: the system preference unless the reader chose one, which is remembered. */
export type Theme = 'light' | 'dark';
const storageKey = 'deep-practice:theme';

export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export function currentTheme(): Theme {
  const explicit = document.documentElement.dataset.theme;
  if (explicit === 'light' || explicit === 'dark') return explicit;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(storageKey, theme);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.dispatchEvent(new CustomEvent('themechange', { detail: theme }));
}
