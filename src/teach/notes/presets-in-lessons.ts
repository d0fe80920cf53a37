/**
 * Which widget presets a lesson shows with their default id (`<FunctionFit preset="relu-neurons" />`, no `id`):
 * those are the experiments a teacher note can point at, by `<lesson href>#<short family>-<preset>`. Plain text
 * in, plain data out, so the notes' unit test reads the MDX files the same way the build does.
 */
import type { FamilyName } from '@widgets/shell/definition';
import { shortNames } from '@widgets/shell/short-names';

/** `FunctionFit` → `function-fit`: the component name of a widget family. */
export const familyOfComponent = (component: string) => component.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

export interface ShownPreset {
  family: string;
  preset: string;
}

export function presetsShownIn(body: string): ShownPreset[] {
  return [...body.matchAll(/<([A-Z][A-Za-z]+) preset="([a-z0-9-]+)"\s*\/>/g)].map(([, component, preset]) => ({
    family: familyOfComponent(component ?? ''),
    preset: preset ?? '',
  }));
}

/** The element id a widget gets when the lesson gives it none (see WidgetFrame.astro). */
export function defaultWidgetId(family: string, preset: string): string {
  return `${shortNames[family as FamilyName] ?? family}-${preset}`;
}
