/**
 * Adapts the engine's worker client to a RunHandle. The client module is fetched as soon as the widget
 * mounts (it nears the viewport), but the trainer (its Worker and tfjs) starts only with the first command,
 * so a widget nobody plays, or the later runs of a sequential sweep, cost nothing. Commands given while it
 * loads are replayed in order; if it cannot load, the run reports a 'worker_load_failed' error event.
 */
import type { Checkpoint, EngineEvent, RunConfig, Trainer } from '@engine/types';
import { QueryReplies } from './engine-queries';
import type { Emit, EngineQueries, RunHandle } from './run';

type Command = (trainer: Trainer) => void;

/**
 * `prepare` edits the initial weights before any step: the trainer starts paused, saves, and the edited
 * checkpoint (which may take a moment: pretrained weights load lazily) is restored before the first queued
 * command runs. The view receives the edited checkpoint as a 'checkpoint' event at step 0 (its weights before
 * training); the raw initial one is not passed on.
 */
export function engineRun(
  config: RunConfig,
  emit: Emit,
  prepare?: (initial: Checkpoint) => Checkpoint | Promise<Checkpoint>,
  probe?: (engine: EngineQueries) => Promise<void>,
): RunHandle & { runWith(command: Command): void } {
  if (probe) return probeRun(config, emit, probe, prepare);
  let handle: Trainer | null = null;
  let created: Trainer | null = null;
  let cancelled = false;
  const queue: Command[] = [];
  let wanted = false;
  const client = import('@engine/client');
  // Avoid an unhandled rejection before anyone needs the client; failures are reported on first use.
  client.catch(() => undefined);
  const boot = () => {
    client
      .then(({ createTrainer }) => {
        if (cancelled) return;
        if (!prepare) {
          handle = created = createTrainer(config, emit);
          queue.splice(0).forEach((command) => handle && command(handle));
          return;
        }
        let prepared = false;
        const trainer: Trainer = createTrainer(config, (event: EngineEvent) => {
          if (!prepared && event.type === 'checkpoint') {
            prepared = true;
            Promise.resolve(prepare(event.checkpoint))
              .then((checkpoint) => {
                if (cancelled) return;
                trainer.restore(checkpoint);
                emit({ type: 'checkpoint', checkpoint });
                handle = trainer;
                queue.splice(0).forEach((command) => command(trainer));
              })
              .catch((error: unknown) => {
                if (cancelled) return;
                console.warn('[widget] initial weights failed to load', error);
                emit({ type: 'error', code: 'worker_load_failed', message: String(error) });
              });
            return;
          }
          emit(event);
        });
        created = trainer;
        trainer.start();
        trainer.pause();
        trainer.save();
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        console.warn('[widget] engine failed to load', error);
        emit({ type: 'error', code: 'worker_load_failed', message: String(error) });
      });
  };
  const send = (command: Command) => {
    if (handle) return command(handle);
    queue.push(command);
    if (!wanted) {
      wanted = true;
      boot();
    }
  };
  // The engine steps only after `start`, so the first chunk of a stepped run is "start, pause, step(n)".
  // Whether or not a few steps slip in before the pause, progress events fall on multiples of
  // `telemetry.every`, so the numbers a stepped run shows are the numbers a free run shows.
  // With `prepare` the trainer is started (and paused) by the boot itself.
  let started = Boolean(prepare);
  const start = () => {
    started = true;
    send((trainer) => trainer.start());
  };
  return {
    runWith: (command: Command) => send(command),
    start: () => (started ? send((trainer) => trainer.resume()) : start()),
    pause: () => started && send((trainer) => trainer.pause()),
    resume: () => (started ? send((trainer) => trainer.resume()) : start()),
    step: (count) => {
      if (started) return send((trainer) => trainer.step(count));
      start();
      send((trainer) => trainer.pause());
      send((trainer) => trainer.step(count));
    },
    save: () => send((trainer) => trainer.save()),
    cancel: () => {
      cancelled = true;
      queue.length = 0;
      created?.cancel();
    },
  };
}

/**
 * A run that trains nothing (RunSpec `probe`): the trainer is built and paused (with `prepare`'s weights), and
 * the first start, resume or step asks the probe's questions once; the run is done when they are answered.
 */
function probeRun(config: RunConfig, emit: Emit, probe: (engine: EngineQueries) => Promise<void>, prepare?: (initial: Checkpoint) => Checkpoint | Promise<Checkpoint>): RunHandle & { runWith(command: Command): void } {
  const replies = new QueryReplies();
  let asked = false;
  let cancelled = false;
  let failed = false;
  const deliver: Emit = (event) => {
    if (event.type === 'error') failed = true;
    replies.receive(event);
    if (!cancelled) emit(event);
  };
  const inner = engineRun(config, deliver, prepare ?? ((initial) => initial));
  let trainer: Trainer | null = null;
  const ask = () => {
    if (asked || cancelled) return;
    asked = true;
    // The prepared trainer runs queued commands in order: the probe starts once the weights are in place.
    inner.runWith((handle) => {
      trainer = handle;
      probe(replies.queries(handle))
        .then(() => !cancelled && emit({ type: 'state', state: 'done', step: 0 }))
        .catch((error: unknown) => {
          if (cancelled || failed) return; // the engine's own error event already ended the run
          console.warn('[widget] probe failed', error);
          emit({ type: 'error', code: 'probe_failed', message: String(error) });
        });
    });
  };
  return {
    start: ask,
    resume: ask,
    step: ask,
    pause: () => undefined,
    save: () => trainer?.save(),
    runWith: (command) => inner.runWith(command),
    cancel: () => {
      cancelled = true;
      inner.cancel();
    },
  };
}
