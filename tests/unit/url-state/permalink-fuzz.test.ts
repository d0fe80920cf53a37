/**
 * Property tests over every widget's permalink grammar: any string either decodes to a valid state that the
 * widget can show, or is rejected as a whole with one localized sentence per problem that names the parameter.
 * Nothing throws, nothing is half-applied, and no JavaScript internals reach the reader.
 * (Assignment links are parsed elsewhere; their grammar gets the same treatment where it is defined.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allDefinitions } from '@widgets/definitions';
import { presetNames, presetState, type WidgetDefinition } from '@widgets/shell/definition';
import { decodeState, encodeState, linkedPreset, linkScope, readBackPreset, readHashEntries, writeHashEntry } from '@widgets/shell/permalink';
import { stateFromLink } from '@widgets/shell/link-state';
import { describeProblem, paramLabel } from '@widgets/shell/text';
import { checkState } from '@widgets/shell/validate';
import { expectCleanText, inheritedKeys, locales, propertyTimeout, runs, tokenArbitrary } from './helpers';

const contexts = allDefinitions.flatMap((definition) => [
  { definition, preset: presetNames(definition)[0] ?? '', choosePreset: true },
  ...presetNames(definition).map((preset) => ({ definition, preset, choosePreset: false })),
]);

function keysOf(definition: WidgetDefinition): string[] {
  return Object.keys(definition.table);
}

/** Payloads built from the grammar's pieces (so most of them get past the first checks) or from any text. */
function payloadArbitrary(definition: WidgetDefinition): fc.Arbitrary<string> {
  const pair = fc.tuple(tokenArbitrary(keysOf(definition)), tokenArbitrary([...presetNames(definition), ...Object.values(definition.table).flatMap((spec) => (spec.kind === 'choice' ? spec.options : []))]));
  const separators = fc.constantFrom(':', '::', '=', '');
  const structured = fc.array(fc.tuple(pair, separators), { maxLength: 8 }).map((pairs) => pairs.map(([[key, value], separator]) => `${key}${separator}${value}`).join(','));
  return fc.oneof(structured, structured.map(encodeURIComponent), fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }));
}

describe('a link from another version', () => {
  it('applies with the older-version notice (the counterexample fast-check found: "v:a")', () => {
    const definition = allDefinitions[0]!;
    const preset = presetNames(definition)[0]!;
    const { strings, format } = locales[0]!;
    const decoded = decodeState(definition, 'v:a', linkScope(definition, preset, false));
    expect(decoded.ok && decoded.stale).toBe(true);
    expect(stateFromLink(definition, { preset, choosePreset: false }, 'v:a', strings, format).notice).toBe(strings.errors.permalinkOlder);
  });
});

describe.each(contexts.map((context) => [`${context.definition.family} (${context.choosePreset ? 'Lab' : context.preset})`, context] as const))('%s', (_, { definition, preset, choosePreset }) => {
  const scope = linkScope(definition, preset, choosePreset);

  it('decodes any string to a valid state in scope or rejects it with problems, never throwing', () => {
    fc.assert(
      fc.property(payloadArbitrary(definition), (payload) => {
        const decoded = decodeState(definition, payload, scope);
        if (decoded.ok) {
          expect(checkState(definition.table, decoded.state)).toEqual([]);
          expect(scope.presets).toContain(decoded.state.preset);
          const base = presetState(definition, String(decoded.state.preset));
          for (const key of keysOf(definition)) {
            if (!scope.keys.includes(key)) expect(decoded.state[key], `${key} is not settable by a link`).toEqual(base[key]);
          }
          expect(Object.keys(decoded.state).sort()).toEqual(keysOf(definition).sort());
        } else {
          expect(decoded.problems.length).toBeGreaterThan(0);
          expect('state' in decoded).toBe(false);
        }
      }),
      runs,
    );
  }, propertyTimeout);

  it.each(locales.map((entry) => [entry.lang, entry] as const))('in %s, a rejected link falls back to the preset with a notice naming each parameter', (_lang, { strings, format }) => {
    fc.assert(
      fc.property(payloadArbitrary(definition), (payload) => {
        const result = stateFromLink(definition, { preset, choosePreset }, payload, strings, format);
        const decoded = decodeState(definition, payload, scope);
        if (decoded.ok) {
          // A link made with another version (`v:` that is not this build's) still applies, with the notice saying so.
          expect(result).toEqual({ state: decoded.state, notice: decoded.stale ? strings.errors.permalinkOlder : null, run: false });
          return;
        }
        expect(result.state).toEqual(presetState(definition, preset));
        expect(result.notice).not.toBeNull();
        expectCleanText(result.notice ?? '');
        for (const problem of decoded.problems) {
          const sentence = describeProblem(strings, problem, format);
          expectCleanText(sentence);
          if (problem.param !== '') expect(sentence, problem.code).toContain(paramLabel(strings, problem.param));
          expect(result.notice).toContain(sentence);
        }
      }),
      runs,
    );
  }, propertyTimeout);

  it('round-trips every state the widget can show', () => {
    const values = Object.fromEntries(
      scope.keys.filter((key) => key !== 'preset').map((key) => {
        const spec = definition.table[key];
        if (!spec) return [key, fc.constant(undefined)];
        if (spec.kind === 'choice') return [key, fc.constantFrom(...spec.options)];
        return [key, spec.integer ? fc.integer({ min: spec.min, max: spec.max }) : fc.double({ min: spec.min, max: spec.max, noNaN: true }).map((value) => Number(value.toPrecision(6))).filter((value) => value >= spec.min && value <= spec.max)];
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...scope.presets), fc.record(values), (chosen, changes) => {
        const state = { ...presetState(definition, chosen), ...changes };
        // A concealed family's link names the case, not the preset: it reads back as the preset the scope shows for it.
        const named = { ...state, preset: linkedPreset(definition, chosen) };
        expect(decodeState(definition, encodeState(definition, state), scope)).toEqual({ ok: true, state: { ...state, preset: readBackPreset(definition, named, scope) } });
      }),
      { numRuns: 100 },
    );
  }, propertyTimeout);
});

describe('what the probe found', () => {
  const [definition] = allDefinitions;
  if (!definition) throw new Error('no widget definitions');
  const scope = linkScope(definition, 'relu-neurons', true);

  it.each(locales.map((entry) => [entry.lang, entry] as const))('%s: inherited keys are unknown parameters, shown by name and never as JavaScript', (_lang, { strings, format }) => {
    for (const key of inheritedKeys) {
      const decoded = decodeState(definition, `preset:relu-neurons,${key}:1`, scope);
      expect(decoded.ok).toBe(false);
      if (decoded.ok) continue;
      expect(decoded.problems.map((problem) => problem.code)).toEqual(['unknownParam']);
      const sentence = describeProblem(strings, decoded.problems[0]!, format);
      expectCleanText(sentence);
      expect(sentence).toContain(key);
    }
  });

  it('a duplicate key is called a duplicate, not unknown', () => {
    const decoded = decodeState(definition, 'preset:relu-neurons,width:4,width:5', scope);
    expect(decoded.ok ? [] : decoded.problems).toEqual([{ code: 'duplicateParam', param: 'width' }]);
  });

  it.each(locales.map((entry) => [entry.lang, entry] as const))('%s: the seed limit 99999 prints exactly', (_lang, { strings, format, locale }) => {
    const decoded = decodeState(definition, 'preset:relu-neurons,seed:100000', scope);
    expect(decoded.ok).toBe(false);
    const sentence = decoded.ok ? '' : describeProblem(strings, decoded.problems[0]!, format);
    expect(sentence).toContain(new Intl.NumberFormat(locale).format(99999));
    expect(sentence).not.toContain(new Intl.NumberFormat(locale).format(100000));
  });

  it('a lesson widget accepts only its own preset and only the parameters it shows', () => {
    const lesson = linkScope(definition, 'one-neuron-line', false);
    expect(decodeState(definition, 'preset:relu-neurons', lesson)).toEqual({ ok: false, problems: [{ code: 'presetNotHere', param: 'preset', allowed: ['one-neuron-line'] }] });
    expect(decodeState(definition, 'preset:one-neuron-line,seed:4', lesson).ok).toBe(true);
    expect(decodeState(definition, 'seed:4', lesson)).toMatchObject({ ok: true, state: { preset: 'one-neuron-line', seed: 4 } });
    const hidden = keysOf(definition).find((key) => !lesson.keys.includes(key));
    expect(hidden).toBeDefined();
    const decoded = decodeState(definition, `preset:one-neuron-line,${hidden}:1`, lesson);
    expect(decoded.ok ? [] : decoded.problems.map((problem) => problem.code)).toContain('hiddenParam');
  });

  it('hash entries never throw and only safe widget ids come out', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (hash) => {
        for (const id of readHashEntries(hash).keys()) expect(id).toMatch(/^[a-z][a-z0-9-]{0,60}$/);
      }),
      runs,
    );
    for (const key of inheritedKeys) expect(readHashEntries(`#${key}=preset:x`).has('constructor')).toBe(key === 'constructor');
  });

  it('writing one widget entry into any hash keeps the other entries and reads back exactly', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), id, fc.constantFrom(...presetNames(definition)), (hash, widgetId, chosen) => {
        const payload = encodeState(definition, presetState(definition, chosen));
        const before = readHashEntries(hash);
        const after = readHashEntries(writeHashEntry(hash, widgetId, payload));
        expect(after.get(widgetId)).toBe(payload);
        for (const [other, value] of before) if (other !== widgetId) expect(after.get(other)).toBe(value);
      }),
      runs,
    );
  }, propertyTimeout);
});
