/**
 * Compute paths: the implementations of `PopulationKernel`, each declared once, keyed by a stable string.
 * `createKernel` builds the first path in `COMPUTE_PATH_ORDER` that supports the config on the active
 * tfjs backend. tfjs supports everything (it is the path for convolutions, normalization layers and the
 * GPU backends), so it comes last: a specialised path placed before it takes the configs it can train.
 */
import type { BackendName, RunConfig } from '../config';
import { EngineError } from '../errors';
import { planModel, type LayerPlan } from '../model/shapes';
import type { ResolvedConfig } from '../resolved';
import { validateConfig } from '../validate';
import type { PopulationKernel } from './kernel';
import type { ComputePathKey } from '../registry/compute-paths';
import { TrainingSession } from './session';
import { denseWasmUnsupported } from '../kernels/dense-wasm/trainer';
import { simdSupported } from '../kernels/dense-wasm/load';
import { DenseWasmKernel } from '../kernels/dense-wasm/kernel';

export interface ComputePath {
  /** True when this path trains `config` (already validated and planned) on the active tfjs backend. */
  supports(config: ResolvedConfig, plans: LayerPlan[], backend: BackendName): boolean;
  /** Builds the kernel: initial weights, data layout and optimizer state from the config's seeds. */
  create(config: ResolvedConfig): Promise<PopulationKernel>;
}

/** Backends under which dense-wasm may run: the CPU ones. A GPU backend, chosen first or by name, keeps its
 * networks on tfjs; under "auto" dense-wasm and the GPU backends are timed against each other for the
 * population at hand (train/auto-backend.ts). */
const CPU_BACKENDS: readonly BackendName[] = ['wasm', 'cpu'];

export const COMPUTE_PATHS: Record<ComputePathKey, ComputePath> = {
  // dense-wasm: populations of plain dense networks in WebAssembly SIMD, lane = member (kernels/dense-wasm).
  'dense-wasm': {
    supports: (config, plans, backend) => CPU_BACKENDS.includes(backend) && denseWasmUnsupported(config, plans) === null && simdSupported(),
    create: (config) => DenseWasmKernel.open(config),
  },
  tfjs: { supports: () => true, create: (config) => TrainingSession.create(config) },
};

/** The keys of `registry/compute-paths.ts` (the registry the i18n strings and telemetry types derive from). */
export type ComputePathName = ComputePathKey;

/** Tried in this order; the first that supports the config wins. */
export const COMPUTE_PATH_ORDER: ComputePathName[] = ['dense-wasm', 'tfjs'];

/** Validates (throws ConfigError before anything is built) and builds the kernel of the first supporting path,
 * or of `preferred` when it supports the config (the path "auto" measured fastest on this backend). */
export async function createKernel(config: RunConfig | ResolvedConfig, backend: BackendName, preferred?: ComputePathName): Promise<PopulationKernel> {
  const resolved = 'members' in config ? config : validateConfig(config);
  const plans = planModel(resolved.model.inputShape, resolved.model.layers);
  if (!Array.isArray(plans)) throw new EngineError('bad_architecture', plans.problem, `model.layers[${plans.index}]`);
  const order = preferred ? [preferred, ...COMPUTE_PATH_ORDER.filter((name) => name !== preferred)] : COMPUTE_PATH_ORDER;
  for (const name of order) {
    const path: ComputePath = COMPUTE_PATHS[name];
    if (!path.supports(resolved, plans, backend)) continue;
    if (name === 'tfjs') return path.create(resolved);
    try {
      return await path.create(resolved);
    } catch {
      // A specialised path that fails to start (its .wasm not served, say) leaves the run to the next one.
    }
  }
  return COMPUTE_PATHS.tfjs.create(resolved);
}
