/**
 * Assignment links (`#a=<code>`), fuzzed like every other URL input: any code either decodes to a valid
 * assignment or is rejected with problems that read as a clean sentence in pt, ru and zh. Nothing throws, and
 * a link the builder wrote reads back exactly.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAssignment, encodeAssignment, type Assignment } from '../../../src/teach/assignment/model';
import { describeAssignmentProblems } from '../../../src/teach/assignment/problems-text';
import { exerciseIds } from '../../../src/teach/exercises/registry';
import { teachStrings } from '@i18n/teach';
import { expectCleanText, inheritedKeys, locales, propertyTimeout, runs } from './helpers';

const lessons = ['how-networks-learn/one-neuron', 'how-networks-learn/deeper-networks', 'how-networks-learn/hyperparameters'];

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function expectRejectedCleanly(code: string): void {
  const result = decodeAssignment(code, lessons);
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const { lang, locale, strings } of locales) {
    const text = describeAssignmentProblems(result.problems, teachStrings(lang as 'pt' | 'ru' | 'zh').problems, strings, locale);
    expectCleanText(text);
  }
}

/** A wire object the builder could write, with one field replaced by anything JSON can carry. */
const wire = { v: 1, t: 'Aula 3', d: '2026-12-01', n: '', l: [lessons[0]], e: [], w: [] };
const wireKeys = [...Object.keys(wire), ...inheritedKeys, 'x'];

describe('assignment links', () => {
  it('any string decodes to an assignment or to problems worded in every language', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.base64String({ maxLength: 200 })), expectRejectedCleanly), runs);
  }, propertyTimeout);

  it('any JSON behind a well-formed code is validated, never trusted', () => {
    const mutated = fc.record({ key: fc.constantFrom(...wireKeys), value: fc.jsonValue({ maxDepth: 3 }) })
      .map(({ key, value }) => base64Url(JSON.stringify({ ...wire, [key]: value })));
    const anyJson = fc.jsonValue({ maxDepth: 4 }).map((value) => base64Url(JSON.stringify(value)));
    fc.assert(fc.property(fc.oneof(mutated, anyJson), expectRejectedCleanly), runs);
  }, propertyTimeout);

  it('an inherited key never passes for a lesson, an exercise or a field', () => {
    for (const key of inheritedKeys) {
      for (const code of [
        base64Url(JSON.stringify({ ...wire, l: [key] })),
        base64Url(JSON.stringify({ ...wire, e: [key.toLowerCase()] })),
        base64Url(`{"v":1,"t":"","d":"","n":"","l":["${lessons[0]}"],"e":[],"w":[],"${key}":1}`),
      ]) {
        expect(decodeAssignment(code, lessons).ok, `${key}`).toBe(false);
        expectRejectedCleanly(code);
      }
    }
  });

  it('a well-formed lesson or exercise the site does not have is refused by name', () => {
    for (const [field, value] of [['l', 'constructor/prototype'], ['l', 'how-networks-learn/nope'], ['e', 'tostring']] as const) {
      const result = decodeAssignment(base64Url(JSON.stringify({ ...wire, [field]: [value] })), lessons);
      expect(result.ok, value).toBe(false);
      if (!result.ok) expect(result.problems.map((problem) => problem.value)).toContain(value);
    }
  });

  it('a link the builder wrote reads back exactly', () => {
    const assignment: fc.Arbitrary<Assignment> = fc.record({
      title: fc.string({ maxLength: 40 }).filter((value) => !/[\u0000-\u001f\u007f]/u.test(value)),
      due: fc.constantFrom('', '2026-12-01', '2027-02-28'),
      note: fc.string({ maxLength: 80 }).filter((value) => !/[\u0000-\u0009\u000b-\u001f\u007f]/u.test(value)),
      lessons: fc.uniqueArray(fc.constantFrom(...lessons), { minLength: 1 }),
      exercises: fc.uniqueArray(fc.constantFrom(...exerciseIds), { maxLength: 5 }),
      setups: fc.constant([]),
    });
    fc.assert(fc.property(assignment, (value) => {
      expect(decodeAssignment(encodeAssignment(value), lessons)).toEqual({ ok: true, assignment: value });
    }), runs);
  }, propertyTimeout);
});
