/**
 * The control loop behind the client API, identical in a Worker and on the main thread: picks a backend,
 * builds the compute path's kernel (`train/kernel.ts`), runs steps in slices (yielding so control messages and the page stay responsive),
 * emits a progress event every k steps, and survives faults:
 *   - a NaN/Inf member is stopped and reported (others go on);
 *   - a lost GPU device (or a GPU backend throwing) falls back to the next backend and continues from the
 *     last weights snapshot (taken at every progress event while on a GPU backend).
 */
import type { ControlMessage } from './api';
import { deviceLostWithin, fallbacksAfter, selectFirst, watchDeviceLoss } from './backends';
import type { Checkpoint } from './checkpoint-format';
import type { BackendName } from './config';
import { EngineError, toErrorEvent } from './errors';
import type { ResolvedConfig } from './resolved';
import type { BackendEvent, EngineEvent } from './telemetry';
import { restoreCheckpoint, saveCheckpoint } from './train/checkpoint';
import { chooseBackend } from './train/choose-backend';
import { createKernel } from './train/compute-paths';
import type { PopulationKernel } from './train/kernel';
import { setLive } from './train/live-change';
import { progress } from './train/progress';
import { evaluate } from './train/evaluate-request';
import { SALT_REPLACE_OUTPUT } from './train/salts';
import { measureThroughput } from './train/throughput';
import { validateConfig } from './validate';

const GPU_BACKENDS: BackendName[] = ['webgpu', 'webgl'];

export interface RunnerOptions {
  /** Milliseconds of work before yielding (main thread: small, so the page stays fluid). */
  sliceMilliseconds: number;
}

type State = 'idle' | 'initializing' | 'running' | 'paused' | 'done' | 'cancelled';

export class Runner {
  private session: PopulationKernel | null = null;
  private config: ResolvedConfig | null = null;
  private backend: BackendName = 'cpu';
  private state: State = 'idle';
  private stepsRequested = 0;
  private snapshot: Checkpoint | null = null;
  private deviceLost = false;
  private backendGeneration = 0;
  private looping = false;
  private lastProgressTime = 0;
  private lastProgressStep = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly emit: (event: EngineEvent) => void,
    private readonly options: RunnerOptions,
  ) {}

  /** Messages are handled one after another (a start finishes initializing before a step runs). */
  handle(message: ControlMessage): void {
    this.queue = this.queue.then(() => this.dispatch(message)).catch((error) => this.emit(toErrorEvent(error)));
  }

  private async dispatch(m: ControlMessage): Promise<void> {
    switch (m.type) {
      case 'start':
        await this.start(m.config);
        return;
      case 'pause':
        if (this.state === 'running') this.setState('paused');
        return;
      case 'resume':
        if (this.state === 'paused' || (this.state === 'running' && !this.looping)) {
          this.stepsRequested = 0;
          this.setState('running');
          this.loop();
        }
        return;
      case 'step':
        if (!this.session || this.state === 'cancelled' || this.state === 'done') return;
        this.stepsRequested += Math.max(1, Math.floor(m.count));
        if (this.state !== 'running') this.setState('paused');
        this.loop();
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'set':
        setLive(this.requireSession(), m.param, m.value);
        this.config = this.requireSession().config;
        return;
      case 'save':
        this.emit({ type: 'checkpoint', checkpoint: await saveCheckpoint(this.requireSession()) });
        return;
      case 'restore':
        restoreCheckpoint(this.requireSession(), m.checkpoint, { partial: m.partial ?? false });
        return;
      case 'replaceOutputLayer': {
        const session = this.requireSession();
        const output = session.plans[session.plans.length - 1];
        const units = output?.outputShape[0];
        if (m.units !== undefined && m.units !== units)
          throw new EngineError('output_width_fixed', `the output layer keeps its width ${units}; start a new run for another width`, 'units', { min: units, max: units });
        session.reinitializeLayer(session.plans.length - 1, SALT_REPLACE_OUTPUT);
        return;
      }
      case 'setTrainable': {
        const session = this.requireSession();
        if (!Number.isInteger(m.layerIndex) || m.layerIndex < 0 || m.layerIndex >= session.plans.length)
          throw new EngineError('out_of_range', `layerIndex must be an integer in [0, ${session.plans.length - 1}]`, 'layerIndex', { min: 0, max: session.plans.length - 1, integer: true });
        session.trainable[m.layerIndex] = m.trainable;
        return;
      }
      case 'predict':
        this.emit({ type: 'prediction', requestId: m.requestId, predictions: await this.requireSession().predict(m.inputs) });
        return;
      case 'inputGradient': {
        const result = await this.requireSession().inputGradient(m.inputs, m.targets);
        this.emit({ type: 'inputGradient', requestId: m.requestId, ...result });
        return;
      }
      case 'evaluate':
        this.emit(await evaluate(this.requireSession(), m.requestId, m.target));
        return;
      case 'measure': {
        const config = validateConfig(m.config);
        this.emit(await measureThroughput(config, m.request, m.requestId, { wasmPath: config.runtime.wasmPath }));
        return;
      }
    }
  }

  private requireSession(): PopulationKernel {
    if (!this.session) throw new EngineError('not_started', 'start the trainer first', 'state');
    return this.session;
  }

  private setState(state: State): void {
    this.state = state;
    if (state === 'idle') return;
    this.emit({ type: 'state', state, step: this.session?.step ?? 0 });
  }

  private async start(raw: import('./config').RunConfig): Promise<void> {
    if (this.session) throw new EngineError('already_started', 'this trainer already started; create a new one', 'state');
    const config = validateConfig(raw); // throws before anything is built
    this.config = config;
    this.setState('initializing');
    const event = await this.chooseBackend(config);
    if (this.state === 'cancelled') return;
    this.session = await createKernel(config, this.backend, event.path);
    // The badge names the path that was built (a measured winner that fails to start leaves the run to tfjs).
    this.emit({ ...event, path: this.session.path as BackendEvent['path'] });
    this.setState('running');
    this.loop();
  }

  private async chooseBackend(config: ResolvedConfig): Promise<BackendEvent> {
    const event = await chooseBackend(config);
    this.backend = event.name;
    this.armDeviceWatch();
    return event;
  }

  /** Watches the current backend's GPU device; a loss reported for an older backend is ignored. */
  private armDeviceWatch(): void {
    const generation = ++this.backendGeneration;
    this.deviceLost = false;
    watchDeviceLoss(() => {
      if (generation === this.backendGeneration) this.deviceLost = true;
    });
  }

  private stepsToGo(session: PopulationKernel): number {
    const { epochs, steps } = session.config.training;
    const totalSteps = steps > 0 ? steps : epochs > 0 ? epochs * session.stepsPerEpoch : Infinity;
    return totalSteps - session.step;
  }

  private finished(session: PopulationKernel): boolean {
    return this.stepsToGo(session) <= 0 || session.diverged.every((d) => d);
  }

  /** Runs slices until paused, cancelled or done; one loop at a time. */
  private loop(): void {
    if (this.looping) return;
    this.looping = true;
    this.lastProgressTime = performance.now();
    this.lastProgressStep = this.session?.step ?? 0;
    void this.runSlices().finally(() => {
      this.looping = false;
      if (this.state === 'cancelled') this.release();
    });
  }

  private async runSlices(): Promise<void> {
    // Let control messages already queued (a pause right after start) land before the first slice.
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (this.session && (this.state === 'running' || (this.state === 'paused' && this.stepsRequested > 0))) {
      try {
        await this.slice(this.session);
      } catch (error) {
        if ((this.state as State) === 'cancelled') return;
        if (GPU_BACKENDS.includes(this.backend)) await this.recover();
        else {
          this.emit(toErrorEvent(error));
          this.setState('paused');
          return;
        }
      }
      if (this.deviceLost) await this.recover();
      // Yield: lets control messages in (worker) and keeps the page responsive (main thread).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  private async slice(session: PopulationKernel): Promise<void> {
    const sliceEnd = performance.now() + this.options.sliceMilliseconds;
    do {
      const every = session.config.telemetry.every;
      const manual = this.state === 'paused';
      const toTelemetry = every - (session.step % every);
      let chunk = Math.min(session.config.training.stepsPerReadback, toTelemetry, this.stepsToGo(session));
      if (manual) chunk = Math.min(chunk, this.stepsRequested);
      if (chunk <= 0) break;
      const boundary = chunk === toTelemetry;
      const last = manual && chunk === this.stepsRequested;
      // The run's final chunk reports too (it may end between telemetry boundaries: training.steps).
      const final = chunk === this.stepsToGo(session);
      session.runSteps(chunk, boundary || last || final);
      if (manual) this.stepsRequested -= chunk;
      if (boundary || last || this.finished(session)) await this.report(session);
      if (this.finished(session)) {
        this.emit({ type: 'done', step: session.step, epoch: session.epoch });
        this.setState('done');
        return;
      }
      if (manual && this.stepsRequested === 0) return;
    } while (performance.now() < sliceEnd && this.state === 'running' && !this.deviceLost);
  }

  private async report(session: PopulationKernel): Promise<void> {
    const now = performance.now();
    const stepsPerSecond = ((session.step - this.lastProgressStep) * 1000) / Math.max(1e-3, now - this.lastProgressTime);
    this.lastProgressTime = now;
    this.lastProgressStep = session.step;
    const { event, diverged } = await progress(session, this.backend, stepsPerSecond);
    for (const d of diverged) this.emit(d);
    this.emit(event);
    if (GPU_BACKENDS.includes(this.backend)) this.snapshot = await saveCheckpoint(session);
  }

  /** Moves to the next backend and continues from the last snapshot (or from scratch if none yet). Steps
   * asked for with step(n) that are lost with the device are run again. */
  private async recover(): Promise<void> {
    const old = this.session;
    const config = this.config;
    if (!old || !config) return;
    // A readback can fail before the device's `lost` promise settles: give it a moment to tell which it was.
    const lost = this.deviceLost || (this.backend === 'webgpu' && (await deviceLostWithin(250)));
    const reason = lost ? 'device-lost' : 'fallback-after-failure';
    const step = this.snapshot?.step ?? 0;
    const diverged = old.diverged.flatMap((d, p) => (d ? [p] : []));
    if (this.state === 'paused') this.stepsRequested += old.step - step;
    try {
      old.dispose();
    } catch {
      // The device is gone: its tensors cannot be released, and need not be.
    }
    this.session = null;
    const selection = await selectFirst(fallbacksAfter(this.backend), config.runtime.wasmPath);
    this.backend = selection.name;
    this.armDeviceWatch();
    const session = await createKernel(config, this.backend);
    if (this.snapshot) restoreCheckpoint(session, this.snapshot);
    if (diverged.length > 0) session.neutralize(diverged);
    session.step = step;
    this.session = session;
    this.emit({ type: 'backend', name: selection.name, stepsPerSecond: 0, reason, unavailable: selection.unavailable, path: session.path as BackendEvent['path'] });
  }

  /** Stops; the session is freed once no slice is using it (a readback may be in flight), then 'cancelled'
   * is reported, so a listener that sees it can count on every tensor being released. */
  private cancel(): void {
    this.state = 'cancelled';
    this.stepsRequested = 0;
    if (!this.looping) this.release();
  }

  private release(): void {
    this.session?.dispose();
    this.session = null;
    this.emit({ type: 'state', state: 'cancelled', step: 0 });
  }
}
