import { describe, expect, it } from 'vitest';
import { registry } from '@widgets/registry';
import { presetNames } from '@widgets/shell/definition';
import { isWidgetId } from '@widgets/shell/permalink';
import pt from '@i18n/pt.json';

describe('the one list of widget families', () => {
  it('keys are each definition’s family, unique, and have strings', () => {
    const keys = registry.map((family) => family.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const family of registry) {
      expect(family.definition.family).toBe(family.key);
      expect(Object.keys(pt.widgets.families)).toContain(family.key);
    }
  });

  it('short names are unique permalink ids and test presets are real presets', () => {
    const shorts = registry.map((family) => family.short);
    expect(new Set(shorts).size).toBe(shorts.length);
    for (const family of registry) {
      expect(isWidgetId(family.short), family.short).toBe(true);
      expect(presetNames(family.definition), family.key).toContain(family.testPreset);
    }
  });

  it('every family’s island loads and names the same definition', async () => {
    for (const family of registry) {
      const { family: island } = await family.load();
      expect(island.definition.family, family.key).toBe(family.key);
    }
  }, 60_000);
});
