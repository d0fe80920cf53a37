import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { chapterKeys } from './lib/chapters';

/**
 * One collection for every lesson in every language. Entries live at
 * src/content/<lang>/<chapter>/<lesson>.mdx; their id is "<lang>/<chapter>/<lesson>".
 */
const lessons = defineCollection({
  loader: glob({ pattern: '{pt,ru,zh}/*/*.mdx', base: './src/content' }),
  schema: z.strictObject({
    title: z.string().min(3),
    description: z.string().min(20),
    chapter: z.enum(chapterKeys),
    /** Position inside the chapter, from 1. */
    order: z.number().int().min(1),
    /** Shared by the three translations of one lesson: "<chapter>/<lesson>". */
    key: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
    sources: z
      .array(
        z.strictObject({
          title: z.string(),
          author: z.string().optional(),
          url: z.url().optional(),
          license: z.string().optional(),
          note: z.string().optional(),
        }),
      )
      .min(1),
    /** Minutes. Computed from the text when absent (see src/lib/reading-time.ts). */
    readingTime: z.number().int().min(1).optional(),
  }),
});

/** Stand-alone pages written as prose, e.g. src/content/<lang>/about.mdx. */
const pages = defineCollection({
  loader: glob({ pattern: '{pt,ru,zh}/*.mdx', base: './src/content' }),
  schema: z.strictObject({
    title: z.string().min(3),
    description: z.string().min(20),
  }),
});

/** Teacher notes of a chapter: src/teacher-notes/<lang>/<chapter>.mdx, shown at /<lang>/teach/<chapter>/. */
const teacherNotes = defineCollection({
  loader: glob({ pattern: '{pt,ru,zh}/*.mdx', base: './src/teacher-notes' }),
  schema: z.strictObject({
    title: z.string().min(3),
    description: z.string().min(20),
    chapter: z.enum(chapterKeys),
  }),
});

export const collections = { lessons, pages, teacherNotes };
