/**
 * createTrainer: the widgets' door to the engine. Runs the engine in a module Worker when the platform has
 * one, otherwise on the main thread in small time slices. tfjs is loaded lazily in both cases (inside the
 * worker, or by a dynamic import of the runner), never on a lesson's first paint.
 *
 *   const trainer = createTrainer(config, (event) => { ... });
 *   trainer.start();
 */
import type { ControlMessage, EvaluationTarget, EventListener, ThroughputRequest, Trainer, TrainerOptions } from './api';
import type { LiveParam, RunConfig } from './config';
import type { Checkpoint } from './checkpoint-format';
import type { EngineEvent } from './telemetry';

export const MAIN_THREAD_SLICE_MILLISECONDS = 12;

interface Channel {
  send(message: ControlMessage): void;
  close(): void;
}

function workerChannel(options: TrainerOptions, onEvent: EventListener, onFailure: () => void): Channel | null {
  if (options.worker === false || typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = options.createWorker ? options.createWorker() : new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  let heard = false;
  worker.onmessage = (event: MessageEvent<EngineEvent>) => {
    heard = true;
    onEvent(event.data);
  };
  // A worker that fails before saying anything (e.g. module workers unsupported) → main-thread fallback.
  worker.onerror = (event) => {
    if (!heard) {
      event.preventDefault();
      worker.terminate();
      onFailure();
    } else onEvent({ type: 'error', code: 'worker_error', message: event.message || 'worker error' });
  };
  return { send: (m) => worker.postMessage(m), close: () => worker.terminate() };
}

function mainThreadChannel(onEvent: EventListener, sliceMilliseconds: number): Channel {
  const pending: ControlMessage[] = [];
  let runner: { handle(m: ControlMessage): void } | null = null;
  let closed = false;
  void import('./runner').then(({ Runner }) => {
    if (closed) return;
    runner = new Runner(onEvent, { sliceMilliseconds });
    for (const m of pending.splice(0)) runner.handle(m);
  });
  return {
    send: (m) => (runner ? runner.handle(m) : pending.push(m)),
    close: () => {
      closed = true;
    },
  };
}

export function createTrainer(config: RunConfig, onEvent: EventListener, options: TrainerOptions = {}): Trainer {
  const slice = options.sliceMilliseconds ?? MAIN_THREAD_SLICE_MILLISECONDS;
  const sent: ControlMessage[] = [];
  let channel: Channel;
  const fallBack = () => {
    // Replay what the failed worker never processed on the main thread.
    channel = mainThreadChannel(onEvent, slice);
    for (const m of sent) channel.send(m);
  };
  channel = workerChannel(options, onEvent, fallBack) ?? mainThreadChannel(onEvent, slice);
  let requestId = 0;
  let cancelled = false;
  const send = (m: ControlMessage) => {
    if (cancelled) return;
    sent.push(m);
    channel.send(m);
  };
  return {
    start: () => send({ type: 'start', config }),
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    step: (n: number) => send({ type: 'step', count: n }),
    cancel: () => {
      send({ type: 'cancel' });
      cancelled = true;
      // Let the cancel message through before the worker is terminated.
      setTimeout(() => channel.close(), 0);
    },
    set: (param: LiveParam, value: number | number[]) => send({ type: 'set', param, value }),
    save: () => send({ type: 'save' }),
    restore: (checkpoint: Checkpoint, restoreOptions?: { partial?: boolean }) => send({ type: 'restore', checkpoint, partial: restoreOptions?.partial ?? false }),
    replaceOutputLayer: (units?: number) => send(units === undefined ? { type: 'replaceOutputLayer' } : { type: 'replaceOutputLayer', units }),
    setTrainable: (layerIndex: number, trainable: boolean) => send({ type: 'setTrainable', layerIndex, trainable }),
    predict: (inputs: number[][]) => {
      requestId++;
      send({ type: 'predict', requestId, inputs });
      return requestId;
    },
    inputGradient: (inputs: number[][], targets: number[] | number[][]) => {
      requestId++;
      send({ type: 'inputGradient', requestId, inputs, targets });
      return requestId;
    },
    evaluate: (target: EvaluationTarget) => {
      requestId++;
      send({ type: 'evaluate', requestId, target });
      return requestId;
    },
    measure: (request: ThroughputRequest, timed: RunConfig = config) => {
      requestId++;
      send({ type: 'measure', requestId, config: timed, request });
      return requestId;
    },
  };
}
