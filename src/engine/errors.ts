/**
 * Errors carry a stable machine-readable code, the offending field (a dotted path such as
 * `training.optimizer.learningRate`) and the allowed range, so widgets can translate them; the English
 * `message` is for developers and logs only.
 */
import type { AllowedRange, ErrorEvent, ValidationIssue } from './telemetry';

export class EngineError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly allowed: AllowedRange | undefined;
  readonly issues: ValidationIssue[];

  constructor(code: string, message: string, field?: string, allowed?: AllowedRange, issues: ValidationIssue[] = []) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.field = field;
    this.allowed = allowed;
    this.issues = issues;
  }

  toEvent(): ErrorEvent {
    const event: ErrorEvent = { type: 'error', code: this.code, message: this.message };
    if (this.field !== undefined) event.field = this.field;
    if (this.allowed !== undefined) event.allowed = this.allowed;
    if (this.issues.length > 0) event.issues = this.issues;
    return event;
  }
}

/** Thrown by validation: every bad field at once; the first one gives code/field/allowed. */
export class ConfigError extends EngineError {
  constructor(issues: ValidationIssue[]) {
    const first = issues[0] as ValidationIssue;
    const summary = issues.map((issue) => issue.message).join('; ');
    super(first.code, `Invalid configuration: ${summary}`, first.field, first.allowed, issues);
    this.name = 'ConfigError';
  }
}

/** Any thrown value as an error event (unknown errors get code `internal`). */
export function toErrorEvent(error: unknown): ErrorEvent {
  if (error instanceof EngineError) return error.toEvent();
  const message = error instanceof Error ? error.message : String(error);
  return { type: 'error', code: 'internal', message };
}

/** Renders a range for messages: "an integer in [1, 1024]", "one of relu, tanh". */
export function describeAllowed(allowed: AllowedRange): string {
  if (allowed.allowed) return `one of ${allowed.allowed.join(', ')}`;
  const kind = allowed.integer ? 'an integer' : 'a number';
  const open = allowed.exclusive ? '(' : '[';
  const close = allowed.exclusive ? ')' : ']';
  const low = allowed.min ?? '-∞';
  const high = allowed.max ?? '∞';
  return `${kind} in ${open}${low}, ${high}${close}`;
}
