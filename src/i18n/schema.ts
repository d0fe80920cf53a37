import { z } from 'zod';
import { htmlLangs } from './languages';
import { widgetStringsSchema } from './widgets-schema';

/**
 * The shape every language file must have. Objects are strict: a missing key or an extra key
 * fails `parseStrings`, which runs when the site builds and in the unit tests.
 */

/** Plural forms as CLDR names them. Russian needs one/few/many; pt and zh use the ones they need. */
export const pluralSchema = z.strictObject({
  one: z.string().optional(),
  few: z.string().optional(),
  many: z.string().optional(),
  other: z.string(),
});

const chapterSchema = z.strictObject({
  title: z.string().min(1),
  learn: z.string().min(1),
  run: z.string().min(1),
});

export const stringsSchema = z.strictObject({
  meta: z.strictObject({
    languageName: z.string(),
    htmlLang: z.enum(htmlLangs),
    intlLocale: z.string(),
    siteName: z.string(),
    tagline: z.string(),
  }),
  nav: z.strictObject({
    skipToContent: z.string(),
    home: z.string(),
    about: z.string(),
    lab: z.string(),
    chapters: z.string(),
    mainNav: z.string(),
    search: z.string(),
    searchLabel: z.string(),
    language: z.string(),
    themeToggle: z.string(),
    themeLight: z.string(),
    themeDark: z.string(),
    menu: z.string(),
    onThisPage: z.string(),
    previous: z.string(),
    next: z.string(),
    current: z.string(),
    chapterN: z.string(),
  }),
  rootPicker: z.strictObject({
    title: z.string(),
    lead: z.string(),
    enter: z.string(),
  }),
  home: z.strictObject({
    title: z.string(),
    lead: z.string(),
    howTitle: z.string(),
    how: z.array(z.string()).length(3),
    chaptersTitle: z.string(),
    youWillLearn: z.string(),
    youWillRun: z.string(),
    inPreparation: z.string(),
    lessonsCount: pluralSchema,
    startChapter: z.string(),
    labTitle: z.string(),
    labLead: z.string(),
  }),
  chapters: z.strictObject({
    'practical-tricks': chapterSchema,
    'how-networks-learn': chapterSchema,
    'deep-learning-myth': chapterSchema,
    'project-lifecycle': chapterSchema,
    'seven-tips': chapterSchema,
  }),
  lesson: z.strictObject({
    readingTime: pluralSchema,
    sources: z.string(),
    sourceBasedOn: z.string(),
    license: z.string(),
    chapterLine: z.string(),
    lessonNOfM: z.string(),
  }),
  notFound: z.strictObject({
    title: z.string(),
    body: z.string(),
    backHome: z.string(),
  }),
  search: z.strictObject({
    title: z.string(),
    label: z.string(),
    submit: z.string(),
    results: pluralSchema,
    none: z.string(),
    unavailable: z.string(),
    /** Shown while the index loads and searches. */
    searching: z.string(),
    /** Accessible name of a result's list of matching sections. */
    sections: z.string(),
  }),
  footer: z.strictObject({
    privacy: z.string(),
    sources: z.string(),
  }),
  widgets: widgetStringsSchema,
});

export type Strings = z.infer<typeof stringsSchema>;
export type PluralForms = z.infer<typeof pluralSchema>;
