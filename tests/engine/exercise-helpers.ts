/** Runs a widget preset's plan to the end in Node (tfjs cpu, main-thread client) and returns per-run member finals. */
import { createTrainer } from '@engine/client';
import type { EngineEvent, ProgressEvent } from '@engine/types';
import type { RunPlan } from '@widgets/shell/run';

export interface MemberFinal {
  loss: number;
  diverged: boolean;
}

export async function runPlan(plan: RunPlan): Promise<MemberFinal[][]> {
  const results: MemberFinal[][] = [];
  for (const spec of plan.runs) {
    if (spec.kind !== 'engine') throw new Error('only engine runs');
    const config = { ...spec.config, runtime: { ...spec.config.runtime, backend: 'cpu' as const } };
    results.push(await new Promise<MemberFinal[]>((resolve, reject) => {
      let last: ProgressEvent | null = null;
      const diverged = new Set<number>();
      const trainer = createTrainer(config, (event: EngineEvent) => {
        if (event.type === 'progress') last = event;
        else if (event.type === 'diverged') diverged.add(event.member);
        else if (event.type === 'error') reject(new Error(`${event.code}: ${event.message}`));
        else if (event.type === 'done' || (event.type === 'state' && event.state === 'done')) {
          const members = last?.members ?? [];
          resolve(members.map((member, index) => ({ loss: member.trainLoss, diverged: diverged.has(index) || Boolean(member.diverged) || !Number.isFinite(member.trainLoss) })));
        }
      });
      trainer.start();
    }));
  }
  return results;
}
