/**
 * The hash grammar around widget entries (src/widgets/shell/hash-links.ts): `&run` after an entry asks that
 * widget to start; anything else bare after an entry refuses the link with a localized notice; the flag is an
 * action, never state, so it never reaches a widget's state, an encoded link or a rewritten hash.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allDefinitions } from '@widgets/definitions';
import { presetNames, presetState } from '@widgets/shell/definition';
import { dropFlags, landingTarget, readHashEntries, readHashLinks, writeHashEntry } from '@widgets/shell/hash-links';
import { checkFlags, encodeState } from '@widgets/shell/permalink';
import { stateFromLink } from '@widgets/shell/link-state';
import { describeProblem } from '@widgets/shell/text';
import { expectCleanText, locales, propertyTimeout, runs } from './helpers';

const [definition] = allDefinitions;
if (!definition) throw new Error('no widget definitions');
const lab = { preset: presetNames(definition)[0] ?? '', choosePreset: true };

const widgetId = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
/** Bare parts: mostly near misses of `run`, some any text without `&`/`=`. */
const flag = fc.oneof(
  fc.constantFrom('run', 'run', 'Run', 'RUN', 'rnu', 'play', 'run ', 'run%20', '__proto__', 'constructor'),
  fc.string({ maxLength: 10 }).filter((text) => text.length > 0 && !text.includes('&') && !text.includes('=')),
);
const payload = fc.constantFrom(...presetNames(definition)).map((preset) => encodeState(definition, presetState(definition, preset)));
const entries = fc.uniqueArray(fc.tuple(widgetId, payload, fc.array(flag, { maxLength: 3 })), { maxLength: 5, selector: ([id]) => id });
const toHash = (list: Array<[string, string, string[]]>) => `#${list.flatMap(([id, body, flags]) => [`${id}=${body}`, ...flags]).join('&')}`;

describe('reading the hash', () => {
  it('gives every entry its payload and the bare parts that follow it, in order', () => {
    fc.assert(
      fc.property(entries, (list) => {
        const links = readHashLinks(toHash(list));
        expect([...links.keys()]).toEqual(list.map(([id]) => id));
        for (const [id, body, flags] of list) expect(links.get(id)).toEqual({ payload: body, flags });
      }),
      runs,
    );
  }, propertyTimeout);

  it('never throws on any text, and a flag before every entry belongs to no widget', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (hash) => {
        for (const [id, link] of readHashLinks(hash)) {
          expect(id).toMatch(/^[a-z][a-z0-9-]{0,60}$/);
          for (const part of link.flags) expect(part).not.toMatch(/[&=]|^$/);
        }
      }),
      runs,
    );
    expect(readHashLinks('#run&fit=preset:relu-neurons').get('fit')).toEqual({ payload: 'preset:relu-neurons', flags: [] });
    expect(readHashLinks('#BAD=x&run').size).toBe(0);
  });

  it('lands on the first entry that names a widget of the page', () => {
    fc.assert(
      fc.property(entries, fc.array(widgetId, { maxLength: 4 }), (list, onPage) => {
        const ids = new Set(onPage);
        const expected = list.map(([id]) => id).find((id) => ids.has(id)) ?? null;
        expect(landingTarget(toHash(list), ids)).toBe(expected);
      }),
      runs,
    );
  });
});

describe('writing the hash', () => {
  it('a setting written for one widget drops that widget\'s flags and keeps every other entry and flag', () => {
    fc.assert(
      fc.property(entries, widgetId, payload, (list, id, body) => {
        const after = readHashLinks(writeHashEntry(toHash(list), id, body));
        expect(after.get(id)).toEqual({ payload: body, flags: [] });
        for (const [other, otherBody, flags] of list) if (other !== id) expect(after.get(other)).toEqual({ payload: otherBody, flags });
      }),
      runs,
    );
  }, propertyTimeout);

  it('dropping a started widget\'s flags changes nothing else', () => {
    fc.assert(
      fc.property(entries, widgetId, (list, id) => {
        const hash = toHash(list);
        const after = readHashLinks(dropFlags(hash, id));
        expect(readHashEntries(dropFlags(hash, id))).toEqual(readHashEntries(hash));
        for (const [other, , flags] of list) expect(after.get(other)?.flags).toEqual(other === id ? [] : flags);
      }),
      runs,
    );
    expect(dropFlags('#fit=preset:relu-neurons,seed:3&run', 'fit')).toBe('#fit=preset:relu-neurons,seed:3');
  });
});

describe('the run flag', () => {
  it('is accepted alone and once; anything else, or a second one, is a problem', () => {
    fc.assert(
      fc.property(fc.array(flag, { maxLength: 4 }), (flags) => {
        const checked = checkFlags(flags);
        const clean = flags.every((part) => part === 'run') && flags.length <= 1;
        expect(checked.problems.length === 0).toBe(clean);
        expect(checked.run).toBe(clean && flags.length === 1);
      }),
      runs,
    );
    expect(checkFlags(['run', 'run']).problems).toEqual([{ code: 'duplicateParam', param: 'run' }]);
    expect(checkFlags(['Run']).problems).toEqual([{ code: 'unknownParam', param: 'Run' }]);
  });

  it.each(locales.map((entry) => [entry.lang, entry] as const))('%s: a valid link with `run` starts; a bad flag refuses the whole link with a notice naming it', (_lang, { strings, format }) => {
    fc.assert(
      fc.property(payload, fc.array(flag, { maxLength: 3 }), (body, flags) => {
        const result = stateFromLink(definition, lab, body, strings, format, flags);
        const checked = checkFlags(flags);
        expect(Object.keys(result.state)).not.toContain('run');
        expect(encodeState(definition, result.state)).not.toMatch(/(^|,)run(,|$)/);
        if (checked.problems.length === 0) {
          expect(result).toEqual({ state: stateFromLink(definition, lab, body, strings, format).state, notice: null, run: checked.run });
          return;
        }
        expect(result.run).toBe(false);
        expect(result.state).toEqual(presetState(definition, lab.preset));
        expectCleanText(result.notice ?? '');
        for (const problem of checked.problems) expect(result.notice).toContain(describeProblem(strings, problem, format));
      }),
      runs,
    );
  }, propertyTimeout);

  it('never starts a refused link, whatever the flags say', () => {
    const [pt] = locales;
    if (!pt) throw new Error('no locales');
    const result = stateFromLink(definition, lab, 'preset:no-such-preset', pt.strings, pt.format, ['run']);
    expect(result.run).toBe(false);
    expect(result.notice).not.toBeNull();
  });
});
