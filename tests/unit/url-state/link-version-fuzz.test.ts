/**
 * Link versions (issue 8, 4d): a written link records its preset's version; a current link reproduces its state
 * with no notice; a link from other preset defaults still applies but tells the reader, in their language, that
 * it was made with an older version; a malformed version rejects the link like any bad value; links without a
 * version (hand-written ones) are taken as they are. Properties over every family and preset.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allDefinitions } from '@widgets/definitions';
import { functionFit } from '@widgets/function-fit/definition';
import { presetNames, presetState, type WidgetDefinition } from '@widgets/shell/definition';
import { stateFromLink } from '@widgets/shell/link-state';
import { linkVersion, VERSION_KEY } from '@widgets/shell/link-version';
import { decodeState, encodeState, linkedPreset, linkScope, readBackPreset } from '@widgets/shell/permalink';
import { locales, propertyTimeout, runs } from './helpers';

const cases = allDefinitions.flatMap((definition) => presetNames(definition).map((preset) => ({ definition, preset })));
const caseArbitrary = fc.constantFrom(...cases);
const seedArbitrary = fc.integer({ min: 1, max: 99999 });
const withVersion = (payload: string, version: string) => payload.replace(/,v:[0-9a-z]+$/, `,v:${version}`);
/** What a link of `state` reads back as in a widget embedding `preset` (a concealed family's link names another preset). */
const readBack = (definition: WidgetDefinition, state: Record<string, string | number>, preset: string, choosePreset: boolean) =>
  ({ ...state, preset: readBackPreset(definition, { ...state, preset: linkedPreset(definition, preset) }, linkScope(definition, preset, choosePreset)) });

describe('link versions', () => {
  it('no state table uses the reserved key', () => {
    for (const definition of allDefinitions) expect(Object.hasOwn(definition.table, VERSION_KEY), definition.family).toBe(false);
  });

  it('every written link ends with its preset version and decodes to the same state, with no notice', () => {
    fc.assert(
      fc.property(caseArbitrary, seedArbitrary, ({ definition, preset }, seed) => {
        const state = { ...presetState(definition, preset), seed };
        const payload = encodeState(definition, state);
        expect(payload.endsWith(`,v:${linkVersion(definition, linkedPreset(definition, preset))}`)).toBe(true);
        expect(decodeState(definition, payload, linkScope(definition, preset, false))).toEqual({ ok: true, state: readBack(definition, state, preset, false) });
        for (const { strings, format } of locales) expect(stateFromLink(definition, { preset, choosePreset: false }, payload, strings, format).notice).toBeNull();
      }),
      runs,
    );
  }, propertyTimeout);

  it('any other well-formed version still applies the settings, with the "older version" notice in each language', () => {
    fc.assert(
      fc.property(caseArbitrary, seedArbitrary, fc.stringMatching(/^[0-9a-z]{1,12}$/), ({ definition, preset }, seed, version) => {
        fc.pre(version !== linkVersion(definition, linkedPreset(definition, preset)));
        const state = { ...presetState(definition, preset), seed };
        const payload = withVersion(encodeState(definition, state), version);
        expect(decodeState(definition, payload, linkScope(definition, preset, true))).toEqual({ ok: true, state: readBack(definition, state, preset, true), stale: true });
        for (const { strings, format } of locales) {
          const result = stateFromLink(definition, { preset, choosePreset: false }, payload, strings, format, ['run']);
          expect(result).toEqual({ state: readBack(definition, state, preset, false), notice: strings.errors.permalinkOlder, run: true });
        }
      }),
      runs,
    );
  }, propertyTimeout);

  it('a malformed or repeated version rejects the whole link; a link without one is taken as it is', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.string({ maxLength: 16 }), ({ definition, preset }, raw) => {
        fc.pre(!/^[0-9a-z]{1,12}$/.test(raw) && !raw.includes(','));
        const scope = linkScope(definition, preset, false);
        const payload = withVersion(encodeState(definition, presetState(definition, preset)), raw);
        expect(decodeState(definition, payload, scope).ok).toBe(false);
      }),
      runs,
    );
    for (const { definition, preset } of cases) {
      const scope = linkScope(definition, preset, false);
      const current = encodeState(definition, presetState(definition, preset));
      expect(decodeState(definition, `${current},v:${linkVersion(definition, preset)}`, scope)).toMatchObject({ ok: false, problems: [{ code: 'duplicateParam', param: 'v' }] });
      expect(decodeState(definition, current.replace(/,v:[0-9a-z]+$/, ''), scope)).toEqual({ ok: true, state: presetState(definition, preset) });
    }
  });

  it('when a preset default changes, an old link says so instead of silently running the new default', () => {
    const old = encodeState(functionFit, { ...presetState(functionFit, 'relu-neurons'), seed: 3, width: 8 });
    const changed: WidgetDefinition = { ...functionFit, presets: { ...functionFit.presets, 'relu-neurons': { ...functionFit.presets['relu-neurons'], lr: 0.05 } } };
    expect(linkVersion(changed, 'relu-neurons')).not.toBe(linkVersion(functionFit, 'relu-neurons'));
    for (const { strings, format } of locales) {
      const result = stateFromLink(changed, { preset: 'relu-neurons', choosePreset: false }, old, strings, format);
      expect(result.notice).toBe(strings.errors.permalinkOlder);
      expect(result.state).toMatchObject({ seed: 3, width: 8 });
    }
  });
});
