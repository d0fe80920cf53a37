import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/** What must be identical across the translations of one page. */
export interface PageStructure {
  frontmatterKeys: string[];
  shared: Record<string, unknown>;
  imports: string[];
  components: string[];
  headings: number[];
  displayFormulas: number;
  inlineFormulas: number;
}

export function listMdx(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.mdx') || name.endsWith('.md')) out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** Removes fenced code so `#` comments and `$` in code don't count as headings or math. */
function withoutCode(body: string): string {
  return body.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function keysOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => keysOf(item, `${prefix}[${i}]`));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...keysOf(inner, `${prefix}${key}.`)]);
  }
  return [];
}

export function structureOf(source: string): PageStructure {
  const { frontmatter, content } = parseFrontmatter(source);
  const body = withoutCode(content);
  const display = body.match(/^\$\$[\s\S]*?^\$\$/gm) ?? [];
  const inlineBody = body.replace(/^\$\$[\s\S]*?^\$\$/gm, '');
  const inline = inlineBody.match(/(?<![\\$])\$(?!\$)[^$\n]+?(?<!\\)\$/g) ?? [];
  const data = frontmatter as Record<string, any>;
  const sources = Array.isArray(data.sources) ? data.sources : [];
  return {
    frontmatterKeys: keysOf(data).sort(),
    shared: {
      chapter: data.chapter,
      order: data.order,
      key: data.key,
      sourceUrls: sources.map((s: any) => s.url ?? null),
      // Typographic spaces (e.g. a no-break space in Russian) don't make a different source.
      sourceTitles: sources.map((s: any) => String(s.title).replace(/\s+/gu, ' ')),
    },
    imports: body.match(/^import .+$/gm) ?? [],
    components: (body.match(/<[A-Z][A-Za-z]*(\s[^>]*)?\/?>/g) ?? []).map((tag) => tag.replace(/\s+/g, ' ')),
    headings: (body.match(/^#{1,6}(?= )/gm) ?? []).map((hashes) => hashes.length),
    displayFormulas: display.length,
    inlineFormulas: inline.length,
  };
}

export function structureOfFile(path: string): PageStructure {
  return structureOf(readFileSync(path, 'utf8'));
}
