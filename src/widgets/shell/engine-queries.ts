/**
 * The engine's replies to questions (evaluate, predict, inputGradient) as promises, matched by request id, for
 * a run that probes a network instead of training it (RunSpec `probe`). An engine error rejects what is pending.
 */
import type { EngineEvent, Trainer } from '@engine/types';
import type { EngineQueries } from './run';

type Reply = Extract<EngineEvent, { type: 'evaluation' | 'prediction' | 'inputGradient' }>;

export class QueryReplies {
  private readonly pending = new Map<number, { resolve(event: Reply): void; reject(error: Error): void }>();

  /** Pass every event of the trainer through here before it goes on to the view. */
  receive(event: EngineEvent): void {
    if (event.type === 'evaluation' || event.type === 'prediction' || event.type === 'inputGradient') {
      this.pending.get(event.requestId)?.resolve(event);
      this.pending.delete(event.requestId);
    } else if (event.type === 'error') {
      this.pending.forEach(({ reject }) => reject(new Error(event.code)));
      this.pending.clear();
    }
  }

  queries(trainer: Trainer): EngineQueries {
    const ask = <T extends Reply>(requestId: number) =>
      new Promise<T>((resolve, reject) => this.pending.set(requestId, { resolve: (event) => resolve(event as T), reject }));
    return {
      evaluate: (target) => ask(trainer.evaluate(target)),
      predict: (inputs) => ask(trainer.predict(inputs)),
      inputGradient: (inputs, targets) => ask(trainer.inputGradient(inputs, targets)),
    };
  }
}
