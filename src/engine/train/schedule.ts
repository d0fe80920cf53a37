/** The learning-rate factor at a step (0-based), from the schedule registry (`registry/schedules.ts`). */
import type { ScheduleSpec } from '../config';
import { SCHEDULES, type ScheduleEntry } from '../registry/schedules';

export function scheduleFactor(schedule: ScheduleSpec, step: number): number {
  const entry: ScheduleEntry = SCHEDULES[schedule.type];
  return entry.factor(schedule as unknown as Record<string, number>, step);
}
