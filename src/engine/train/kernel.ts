/**
 * The contract between the runner and a compute path. A path (tfjs today; others such as a WebAssembly
 * kernel plug in here) owns the population's parameters, optimizer state and data layout, and runs
 * optimizer steps; everything else (the control loop, progress events, divergence reports, checkpoints,
 * live changes) is written once against this interface. `src/engine/README.md` spells out what each
 * member must do; `train/session.ts` is the tfjs implementation.
 *
 * Conventions: P members; a parameter's values are member-major (member p's block, then p + 1's), in the
 * order and shapes of `plans[l].params` (without the member axis); all randomness comes from `random.ts`
 * seeded by the config, so every path sees the same initial weights, data order and dropout masks.
 */
import type { LayerPlan } from '../model/shapes';
import type { ResolvedConfig } from '../resolved';
import type { MemberData } from './member-data';

/**
 * What a read-back returns: for each key, one row of numbers per member (`values.get(key)[p]`).
 * Keys (present only when requested by `config.telemetry` or by the arguments):
 *   finiteParams              1 when every parameter of the member is finite, else 0 (always present) [1]
 *   windowLoss                mean batch loss (with penalty) over the steps since the last read-back   [1]
 *   batchFingerprint          hash of the last minibatch's row indices (train/batch-fingerprint.ts)    [1]
 *   trainLoss, trainAccuracy  evaluation mode (no dropout), on the member's training rows             [1]
 *   validationLoss, validationAccuracy   the same on the shared validation split                        [1]
 *   layerStats                last step's [gradient norms | weight norms | update ratios], per layer   [3L]
 *   unitNorms                 per layer, the largest incoming-weight norm of a unit (a kernel column),
 *                             read from the current weights, i.e. after the last step's max-norm     [L]
 *   activationStats           per activation layer: mean, standard deviation, dead fraction           [3A]
 *   validationClasses         with `confusion`: the predicted class id of each validation row          [N]
 *   activation/<i>            raw outputs of activation layer i on the first 256 training rows (histograms)
 *   preActivation/<i>         with `preActivationHistograms`: what layer i's activation function received, same rows
 *   weight/<param>, gradient/<param>   raw values for histograms (last step's gradient)
 *   probe                     outputs on the probe rows, row-major                                    [rows·K]
 *   param/<name>              the named parameter's values (row-major), for each name `readBack` is given
 * Accuracy keys appear only for classification. Values of a diverged member are ignored.
 */
export type Readback = Map<string, number[][]>;

/** Input gradients: `gradients[p][row][feature]`, `losses[p][row]`. */
export interface InputGradientResult {
  gradients: number[][][];
  losses: number[][];
}

/** One parameter for checkpoints: `shape` without the member axis, `values` member-major. */
export interface ParamView {
  shape: number[];
  values: Float32Array;
}

export interface PopulationKernel {
  /** The compute path's key (`'tfjs'`, …), for telemetry. */
  readonly path: string;
  /** The validated config; replaced by `reconfigure`. */
  readonly config: ResolvedConfig;
  readonly plans: LayerPlan[];
  readonly data: MemberData;
  readonly members: number;
  /** Optimizer steps done. The runner sets it when it resumes from a snapshot. */
  step: number;
  /** `diverged[p]` once member p is neutralized (see `neutralize`). */
  readonly diverged: readonly boolean[];
  /** `trainable[l]`: layer l's parameters are updated. The runner flips entries (setTrainable). */
  readonly trainable: boolean[];
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  /** step / stepsPerEpoch. */
  readonly epoch: number;

  /** Runs `count` optimizer steps; the last keeps layer statistics (and gradients for histograms) when
   * `collectLastStats`. Adds each step's per-member batch loss to the loss window (at least the last). */
  runSteps(count: number, collectLastStats: boolean): void;
  /** Reads everything a progress event needs (and clears the loss window) in one go; `params`: parameters to
   * stream this time (`telemetry.params` on the events that carry them). */
  readBack(probeRows: number[][] | null, params?: readonly string[]): Promise<Readback>;
  /** Learning rate per member after the schedule at the current step; 0 for neutralized members. */
  currentLearningRates(): number[];
  /** Stops members for good: their parameters become finite (last finite values, or zeros) and never change
   * again, and nothing they hold may leak NaN/Inf into another member's numbers. */
  neutralize(members: number[]): void;
  /** Takes a new validated config (a live change). Architecture, population size and data stay the same;
   * learning rates, momentum, clipping, L1/L2, batch size and telemetry may differ. */
  reconfigure(config: ResolvedConfig): void;

  /** Parameter names with their shapes (without the member axis), in plan order. */
  paramShapes(): Map<string, number[]>;
  readParams(): Promise<Map<string, ParamView>>;
  /** Replaces the named parameters (member-major values of the right length); others stay. */
  writeParams(values: Map<string, Float32Array>): void;
  /** Zeroes optimizer state (after a restore or a re-initialization). */
  resetOptimizerState(): void;
  /** Re-initializes layer `index` from each member's seed mixed with `salt`, and resets optimizer state. */
  reinitializeLayer(index: number, salt: number): void;

  /** Outputs after the output activation, [member][row][output]; inputs unscaled (the dataset's scaler applies). */
  predict(rows: number[][]): Promise<number[][][]>;
  /** ∂loss_i/∂x_i for each row (unscaled input units) and member, with the per-row losses. */
  inputGradient(rows: number[][], targets: number[] | number[][]): Promise<InputGradientResult>;

  /** Frees everything the kernel owns. */
  dispose(): void;
}
