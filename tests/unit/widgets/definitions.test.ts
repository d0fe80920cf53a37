import { describe, expect, it } from 'vitest';
import { checkPresets, presetNames } from '@widgets/shell/definition';
import { allDefinitions } from '@widgets/definitions';
import { checkState } from '@widgets/shell/validate';
import { defaultsOf } from '@widgets/shell/params';
import { presetKeys } from '@i18n/widgets-schema';
import catalogue from '../../../docs/widget-catalogue.md?raw';

describe('widget definitions', () => {
  it('every preset of every widget passes its own state table', () => {
    for (const definition of allDefinitions) {
      expect(checkPresets(definition), definition.family).toEqual([]);
      expect(checkState(definition.table, defaultsOf(definition.table)), definition.family).toEqual([]);
    }
  });

  it('every preset has a translated name', () => {
    for (const definition of allDefinitions) {
      for (const preset of presetNames(definition)) expect(presetKeys as readonly string[]).toContain(preset);
    }
  });

  it('matches the presets listed in docs/widget-catalogue.md', () => {
    const rows = catalogue.split('\n').filter((line) => /^\| `[A-Z]/.test(line));
    expect(rows.length).toBe(allDefinitions.length);
    for (const row of rows) {
      const [, widget, presets] = row.split('|').map((cell) => cell.trim());
      const names = [...(presets ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1]);
      const kebab = (widget ?? '').replace(/`/g, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
      const definition = allDefinitions.find((candidate) => candidate.family === kebab);
      expect(definition, kebab).toBeDefined();
      expect(presetNames(definition!)).toEqual(names);
    }
  });
});
