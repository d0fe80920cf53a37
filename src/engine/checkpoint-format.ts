/**
 * A checkpoint is plain JSON: the architecture it belongs to and every parameter of every member.
 * Shapes are per member (no population axis); `data` is row-major.
 */
import type { ModelConfig } from './config';

export interface TensorRecord {
  shape: number[];
  data: number[];
}

export interface Checkpoint {
  format: 'deep-practice-checkpoint';
  version: 1;
  model: ModelConfig;
  step: number;
  /** One entry per member: parameter name (`dense_0/kernel`, `dense_0/bias`, `dense_1/gamma`, …) → values. */
  members: Record<string, TensorRecord>[];
}
