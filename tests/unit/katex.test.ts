import { describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from '../../src/lib/markdown-plugins.mjs';

// The same plugins as the site's build (astro.config.mjs).
const processor = await createMarkdownProcessor({ remarkPlugins, rehypePlugins } as never);

describe('math in lessons', () => {
  it('renders a formula with KaTeX at build time', async () => {
    const { code } = await processor.render('The update is $w \\leftarrow w - \\eta \\nabla L$.');
    expect(code).toContain('class="katex"');
    expect(code).not.toContain('katex-error');
  });

  it('fails on a malformed formula instead of printing red text', async () => {
    await expect(processor.render('Broken: $\\frac{1}{$ here.')).rejects.toThrow(/Malformed formula/);
  });
});
