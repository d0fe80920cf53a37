/**
 * Module Worker entry: one Runner per worker, driven by ControlMessages; every engine event is posted back.
 * Slices are long here (the worker has its own thread); yielding between them lets messages in.
 */
import type { ControlMessage } from '../api';
import { Runner } from '../runner';
import type { EngineEvent } from '../telemetry';

const scope = globalThis as unknown as {
  postMessage(event: EngineEvent): void;
  addEventListener(type: 'message', listener: (event: { data: ControlMessage }) => void): void;
};

const runner = new Runner((event) => scope.postMessage(event), { sliceMilliseconds: 50 });
scope.addEventListener('message', (event) => runner.handle(event.data));
