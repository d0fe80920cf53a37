/** Tiny DOM helpers: plots build their markup once and then only change attributes. */

export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | undefined | null>;

export function setAttrs(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) {
      if (node.hasAttribute(name)) node.removeAttribute(name);
      continue;
    }
    // Unchanged attributes are left alone: no style re-parse or invalidation on every frame.
    const text = String(value);
    if (node.getAttribute(name) !== text) node.setAttribute(name, text);
  }
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  if (parent) parent.appendChild(node);
  return node;
}

export function html<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, parent?: Element): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  if (parent) parent.appendChild(node);
  return node;
}

/** Sets text only when it changed (avoids layout work on every frame). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

let counter = 0;
/** Unique id for aria references and clip paths. Snapshot tests strip these. */
export function uid(prefix: string): string {
  counter += 1;
  return `dp-${prefix}-${counter}`;
}

/**
 * Keeps `count` children of `parent` made by `create`, adding or removing at the end.
 * Returns the children in order so the caller can update their attributes.
 */
export function keepChildren<T extends Element>(parent: Element, count: number, create: () => T): T[] {
  while (parent.childElementCount > count) parent.lastElementChild!.remove();
  while (parent.childElementCount < count) parent.appendChild(create());
  return Array.from(parent.children) as T[];
}

/** Round for markup: 1 decimal keeps paths short and exact enough for ≥1 CSS px. */
export function r1(v: number): number {
  return Math.round(v * 10) / 10;
}
