/** Test helper: build a run on a compute path (tfjs on cpu or wasm, or dense-wasm) behind the kernel interface. */
import type { RunConfig } from '@engine/config';
import { DenseWasmKernel } from '@engine/kernels/dense-wasm/kernel';
import type { PopulationKernel } from '@engine/train/kernel';
import { TrainingSession } from '@engine/train/session';
import { validateConfig } from '@engine/validate';
import { useBackend } from './backend';

export const PATHS = ['tfjs-cpu', 'tfjs-wasm', 'dense-wasm'] as const;
export type PathName = (typeof PATHS)[number];

export async function kernelOn(path: PathName, config: RunConfig): Promise<PopulationKernel> {
  await useBackend(path === 'tfjs-wasm' ? 'wasm' : 'cpu');
  return path === 'dense-wasm' ? DenseWasmKernel.open(validateConfig(config)) : TrainingSession.create(config);
}

/** The tfjs backend name a path reports in progress events. */
export const backendOf = (path: PathName) => (path === 'tfjs-wasm' ? 'wasm' : 'cpu');

/** Every parameter in name order, member-major; `member` picks one member's values. */
export async function kernelParams(kernel: PopulationKernel, member?: number): Promise<number[]> {
  const params = await kernel.readParams();
  const out: number[] = [];
  for (const name of [...params.keys()].sort()) {
    const values = params.get(name)!.values;
    const size = values.length / kernel.members;
    out.push(...Array.from(member === undefined ? values : values.subarray(member * size, (member + 1) * size)));
  }
  return out;
}
