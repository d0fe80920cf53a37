/**
 * Learning-rate schedules as a factor of the base rate at a given step (0-based):
 *   step:        factor^floor(step / every)
 *   exponential: rate^(step / decaySteps)
 */
import type { ScheduleSpec } from '../config';

export function scheduleFactor(schedule: ScheduleSpec, step: number): number {
  switch (schedule.type) {
    case 'constant':
      return 1;
    case 'step':
      return schedule.factor ** Math.floor(step / schedule.every);
    case 'exponential':
      return schedule.rate ** (step / schedule.decaySteps);
  }
}
