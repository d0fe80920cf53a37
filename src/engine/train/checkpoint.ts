/**
 * Checkpoints: save every member's parameters as JSON-ready data, restore them (all members, or one
 * member's checkpoint broadcast to the whole population), and load a checkpoint from a URL.
 * Restoring is all-or-nothing: shapes are checked for every parameter before any tensor is replaced.
 */
import type { Checkpoint, TensorRecord } from '../checkpoint-format';
import { EngineError } from '../errors';
import type { PopulationKernel } from './kernel';

export async function saveCheckpoint(session: PopulationKernel): Promise<Checkpoint> {
  const params = await session.readParams();
  const members: Record<string, TensorRecord>[] = Array.from({ length: session.members }, () => ({}));
  for (const [name, { shape, values }] of params) {
    const size = shape.reduce((a, b) => a * b, 1);
    members.forEach((record, p) => {
      record[name] = { shape, data: Array.from(values.subarray(p * size, (p + 1) * size)) };
    });
  }
  return { format: 'deep-practice-checkpoint', version: 1, model: JSON.parse(JSON.stringify(session.config.model)), step: session.step, members };
}

export interface RestoreOptions {
  /** Skip parameters whose name is missing from the checkpoint or whose shape differs (transfer learning onto
   * a new output layer). Default false: any difference is an error. */
  partial?: boolean;
}

/** Replaces parameters from a checkpoint with 1 member (broadcast) or P members; resets optimizer state. */
export function restoreCheckpoint(session: PopulationKernel, checkpoint: Checkpoint, options: RestoreOptions = {}): string[] {
  if (checkpoint?.format !== 'deep-practice-checkpoint' || !Array.isArray(checkpoint.members) || checkpoint.members.length === 0)
    throw new EngineError('bad_checkpoint', 'not a deep-practice checkpoint', 'checkpoint.format', { allowed: ['deep-practice-checkpoint'] });
  const count = checkpoint.members.length;
  if (count !== 1 && count !== session.members)
    throw new EngineError('checkpoint_mismatch', `checkpoint has ${count} members, the population ${session.members}`, 'checkpoint.members', { allowed: [1, session.members] });
  const planned = new Map<string, Float32Array>();
  for (const [name, shape] of session.paramShapes()) {
    const records = Array.from({ length: session.members }, (_, p) => (checkpoint.members[count === 1 ? 0 : p] as Record<string, TensorRecord>)[name]);
    const matches = records.every((r) => r && r.shape.length === shape.length && r.shape.every((d, i) => d === shape[i]) && r.data.length === shape.reduce((a, b) => a * b, 1));
    if (!matches) {
      if (options.partial) continue;
      throw new EngineError('checkpoint_mismatch', `parameter ${name} is missing or has another shape than [${shape}]`, `checkpoint.members.${name}`);
    }
    const size = shape.reduce((a, b) => a * b, 1);
    const values = new Float32Array(session.members * size);
    records.forEach((r, p) => values.set((r as TensorRecord).data, p * size));
    planned.set(name, values);
  }
  session.writeParams(planned);
  session.resetOptimizerState();
  return [...planned.keys()];
}

/** Fetches a checkpoint shipped with the site (or any JSON URL). */
export async function loadCheckpoint(url: string): Promise<Checkpoint> {
  const response = await fetch(url);
  if (!response.ok) throw new EngineError('checkpoint_fetch_failed', `GET ${url}: HTTP ${response.status}`, 'checkpoint.url');
  return (await response.json()) as Checkpoint;
}
