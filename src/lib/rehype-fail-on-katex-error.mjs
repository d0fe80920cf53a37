/**
 * rehype-katex reports a malformed formula as a warning and renders it as red error text.
 * We want a malformed formula to fail the build instead, so this plugin, run after
 * rehype-katex, throws with the formula and its file and position.
 */
export default function rehypeFailOnKatexError() {
  return (tree, file) => {
    const problems = [];
    const visit = (node) => {
      const classes = node.properties?.className;
      if (node.type === 'element' && Array.isArray(classes) && classes.includes('katex-error')) {
        const line = node.position?.start?.line;
        problems.push(`${node.properties.title ?? 'KaTeX error'}${line ? ` (line ${line})` : ''}`);
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
    for (const message of file.messages ?? []) {
      if (String(message.source ?? '').includes('rehype-katex')) problems.push(message.reason);
    }
    if (problems.length) {
      throw new Error(`Malformed formula in ${file.path ?? 'a Markdown file'}:\n  ${[...new Set(problems)].join('\n  ')}`);
    }
  };
}
