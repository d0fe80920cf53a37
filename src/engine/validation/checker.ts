/**
 * The validation checker: collects every problem (field path, code, allowed values) instead of stopping at
 * the first, so a rejected config says everything that is wrong with it at once.
 */
import { describeAllowed } from '../errors';
import type { AllowedRange, ValidationIssue } from '../telemetry';

export type Fields = Record<string, unknown>;

export const rate = { min: 0, max: 1 } as const;
export const nonNegative = { min: 0 } as const;
export const seedRange = { min: 1, max: 2 ** 31, integer: true } as const;

export const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export class Checker {
  readonly issues: ValidationIssue[] = [];

  fail(code: string, field: string, message: string, allowed?: AllowedRange): void {
    const issue: ValidationIssue = { code, field, message: `${field}: ${message}` };
    if (allowed) issue.allowed = allowed;
    this.issues.push(issue);
  }

  /** A plain object whose keys are all in `allowed` (each unknown key is a problem); null if not an object. */
  object(field: string, value: unknown, allowed: readonly string[], required = true): Fields | null {
    if (value === undefined && !required) return null;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(value === undefined ? 'missing' : 'not_allowed', field || 'config', `must be an object with fields ${allowed.join(', ')}, got ${JSON.stringify(value)}`, { allowed: [...allowed] });
      return null;
    }
    for (const key of Object.keys(value))
      if (!allowed.includes(key)) this.fail('unknown_field', field ? `${field}.${key}` : key, `is not a field of ${field || 'the config'}`, { allowed: [...allowed] });
    return value as Fields;
  }

  /** A finite number within the range; returns the value or the fallback when absent. */
  number(field: string, value: unknown, fallback: number | undefined, range: AllowedRange): number {
    if (value === undefined && fallback !== undefined) return fallback;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!range.integer || Number.isInteger(value)) &&
      (range.min === undefined || (range.exclusive ? value > range.min : value >= range.min)) &&
      (range.max === undefined || (range.exclusive ? value < range.max : value <= range.max));
    if (!ok) {
      const code = value === undefined ? 'missing' : 'out_of_range';
      this.fail(code, field, `must be ${describeAllowed(range)}, got ${JSON.stringify(value)}`, range);
      return fallback ?? range.min ?? 0;
    }
    // -0 is a valid 0, but it does not survive a trip through toRunConfig/JSON: resolve it to +0 once, here.
    return value === 0 ? 0 : (value as number);
  }

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback?: T): T {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const range = { allowed: [...allowed] };
    this.fail(value === undefined ? 'missing' : 'not_allowed', field, `must be ${describeAllowed(range)}, got ${JSON.stringify(value)}`, range);
    return (fallback ?? allowed[0]) as T;
  }

  boolean(field: string, value: unknown, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.fail('not_allowed', field, `must be true or false, got ${JSON.stringify(value)}`, { allowed: ['true', 'false'] });
    return fallback;
  }

  string(field: string, value: unknown, fallback: string): string {
    if (value === undefined) return fallback;
    if (typeof value === 'string') return value;
    this.fail('not_allowed', field, `must be a string, got ${JSON.stringify(value)}`);
    return fallback;
  }

  /** A non-empty array of rows of `width` finite numbers (width undefined: any, but the same for every row). */
  rows(field: string, value: unknown, width?: number): number[][] | null {
    const ok = Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row) && row.length === (width ?? (value[0] as unknown[]).length) && row.every((v) => typeof v === 'number' && Number.isFinite(v)));
    if (!ok) this.fail('bad_inputs', field, `must be non-empty rows of ${width ?? 'equally many'} finite numbers`, width === undefined ? undefined : { min: width, max: width });
    return ok ? (value as number[][]) : null;
  }
}
