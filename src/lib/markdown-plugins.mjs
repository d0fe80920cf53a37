// The remark/rehype plugins every lesson goes through; astro.config.mjs and the tests share them.
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeFailOnKatexError from './rehype-fail-on-katex-error.mjs';
import rehypeFocusableMath from './rehype-focusable-math.mjs';

/** @type {import('@astrojs/markdown-remark').RemarkPlugins} */
export const remarkPlugins = [remarkMath];
/** @type {import('@astrojs/markdown-remark').RehypePlugins} */
export const rehypePlugins = [
  [rehypeKatex, { throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' }],
  rehypeFailOnKatexError,
  rehypeFocusableMath,
];
