/**
 * The i18n keys of engine choices derive from the engine's registries: every entry has its name in every
 * language, a registry entry without its strings makes the language files fail the schema, and every option a
 * widget offers reads as a translated label (a registry name is never shadowed by a widget option).
 */
import { describe, expect, it, vi } from 'vitest';
import { BACKEND_NAMES } from '@engine/backends-order';
import { FUNCTION_1D_NAMES } from '@engine/dataset-config';
import { HIDDEN_ACTIVATIONS } from '@engine/registry/activations';
import { NAMED_COMPUTE_PATHS } from '@engine/registry/compute-paths';
import { INITIALIZER_NAMES } from '@engine/registry/initializers';
import { LOSS_NAMES } from '@engine/registry/losses';
import { OPTIMIZER_NAMES } from '@engine/registry/optimizers';
import { widgetStringsSchema } from '@i18n/widgets-schema';
import { allDefinitions } from '@widgets/registry';
import { optionLabel } from '@widgets/shell/text';
import pt from '../../../src/i18n/pt.json';
import ru from '../../../src/i18n/ru.json';
import zh from '../../../src/i18n/zh.json';

const languages = [['pt', pt], ['ru', ru], ['zh', zh]] as const;

describe('engine registries → i18n keys', () => {
  it.each(languages)('%s names every registry entry', (_, file) => {
    const strings = widgetStringsSchema.parse(file.widgets);
    const tables: [readonly string[], Record<string, string>][] = [
      [INITIALIZER_NAMES, strings.initializers],
      [OPTIMIZER_NAMES, strings.optimizers],
      [LOSS_NAMES, strings.task.losses],
      [FUNCTION_1D_NAMES, strings.task.functions],
      [FUNCTION_1D_NAMES, strings.options],
      [HIDDEN_ACTIVATIONS, strings.options],
      [BACKEND_NAMES, strings.backends],
      [NAMED_COMPUTE_PATHS, strings.computePaths],
    ];
    for (const [names, table] of tables) for (const name of names) expect(table[name], name).toMatch(/\S/);
  });

  it('a registry entry added without its strings makes every language file fail the schema', async () => {
    vi.resetModules();
    vi.doMock('../../../src/engine/registry/optimizers', async (importOriginal) => {
      const real = await importOriginal<typeof import('../../../src/engine/registry/optimizers')>();
      return { ...real, OPTIMIZER_NAMES: [...real.OPTIMIZER_NAMES, 'adagrad'] };
    });
    try {
      const { widgetStringsSchema: schema } = await import('../../../src/i18n/widgets-schema');
      for (const [, file] of languages) {
        const result = schema.safeParse(file.widgets);
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['optimizers.adagrad']);
      }
    } finally {
      vi.doUnmock('../../../src/engine/registry/optimizers');
      vi.resetModules();
    }
  });

  it.each(languages)('%s labels every option a control offers; registry names come from their own tables', (_, file) => {
    const strings = widgetStringsSchema.parse(file.widgets);
    const registryNames = new Set<string>([...INITIALIZER_NAMES, ...OPTIMIZER_NAMES]);
    let checked = 0;
    for (const definition of allDefinitions) {
      for (const param of definition.controls) {
        const spec = definition.table[param];
        if (spec?.kind !== 'choice') continue;
        for (const option of spec.options) {
          const where = `${definition.family}.${param}: ${option}`;
          const optimizer = (OPTIMIZER_NAMES as readonly string[]).includes(option);
          const table = !registryNames.has(option) ? strings.options : optimizer ? strings.optimizers : strings.initializers;
          expect(Object.hasOwn(table, option), where).toBe(true);
          expect(optionLabel(strings, option), where).toBe((table as Record<string, string>)[option]);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
