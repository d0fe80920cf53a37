/**
 * Adapts the engine's worker client to a RunHandle. The client module is fetched as soon as the widget
 * mounts (it nears the viewport), but the trainer (its Worker and tfjs) starts only with the first command,
 * so a widget nobody plays, or the later runs of a sequential sweep, cost nothing. Commands given while it
 * loads are replayed in order; if it cannot load, the run reports a 'worker_load_failed' error event.
 */
import type { RunConfig, Trainer } from '@engine/types';
import type { Emit, RunHandle } from './run';

type Command = (trainer: Trainer) => void;

export function engineRun(config: RunConfig, emit: Emit): RunHandle {
  let handle: Trainer | null = null;
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
        handle = createTrainer(config, emit);
        queue.splice(0).forEach((command) => handle && command(handle));
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
  let started = false;
  const start = () => {
    started = true;
    send((trainer) => trainer.start());
  };
  return {
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
      handle?.cancel();
    },
  };
}
