/** The engine's public contract in one import: configs, telemetry events, checkpoints and the client API. */
export type * from './config';
export type * from './telemetry';
export type * from './checkpoint-format';
export type * from './api';
