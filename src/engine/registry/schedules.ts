/**
 * Learning-rate schedules, declared once by stable key: their parameters with allowed ranges (validation
 * derives from them) and the factor of the base rate at a step (0-based), the same on every compute path.
 *
 *   constant:    1
 *   step:        factor^floor(step / every)
 *   exponential: rate^(step / decaySteps)    (rate < 1 decays; rate > 1 grows: the range test)
 */
import type { AllowedRange } from '../telemetry';

export interface ScheduleEntry {
  params: Record<string, AllowedRange>;
  factor(params: Record<string, number>, step: number): number;
}

export const SCHEDULES = {
  constant: { params: {}, factor: () => 1 },
  step: { params: { every: { min: 1, integer: true }, factor: { min: 0, max: 1 } }, factor: (p, step) => (p.factor as number) ** Math.floor(step / (p.every as number)) },
  exponential: { params: { decaySteps: { min: 1 }, rate: { min: 0, max: 1000, exclusive: true } }, factor: (p, step) => (p.rate as number) ** (step / (p.decaySteps as number)) },
} as const satisfies Record<string, ScheduleEntry>;

export type ScheduleName = keyof typeof SCHEDULES;
export const SCHEDULE_NAMES = Object.keys(SCHEDULES) as ScheduleName[];
