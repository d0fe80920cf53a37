/**
 * A display formula wider than a phone scrolls sideways (`.katex-display { overflow-x: auto }`), and a region
 * that scrolls must take keyboard focus so that the arrow keys can scroll it (WCAG 2.1.1; axe
 * scrollable-region-focusable). Run after rehype-katex: every display formula gets tabindex="0".
 */
export default function rehypeFocusableMath() {
  return (tree) => {
    const visit = (node) => {
      const classes = node.properties?.className;
      if (node.type === 'element' && Array.isArray(classes) && classes.includes('katex-display')) node.properties.tabIndex = 0;
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
