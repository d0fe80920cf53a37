/**
 * The dense-wasm compute path behind the engine's `PopulationKernel` contract (train/kernel.ts): dense
 * networks and convnets (see `denseWasmUnsupported`), registered in train/compute-paths.ts ahead of tfjs. Training
 * is trainer.ts (the AssemblyScript kernel); read-backs, predictions and input gradients are computed from
 * the kernel's evaluation pass and weights, never through tfjs, so this path loads no tfjs backend at all.
 */
import { scaleRows } from '../../datasets/split';
import { EngineError } from '../../errors';
import { initialMemberValues } from '../../model/initial-values';
import { planModel, type LayerPlan } from '../../model/shapes';
import { deriveSeed } from '../../random';
import type { ResolvedConfig } from '../../resolved';
import type { InputGradientResult, ParamView, PopulationKernel, Readback } from '../../train/kernel';
import { buildMemberData } from '../../train/member-data';
import { denseInputGradient } from './input-gradient';
import { denseWasmReadBack } from './readback';
import { DenseWasmTrainer } from './trainer';

export class DenseWasmKernel extends DenseWasmTrainer implements PopulationKernel {
  readonly path = 'dense-wasm';

  static async open(config: ResolvedConfig): Promise<DenseWasmKernel> {
    const plans = planModel(config.model.inputShape, config.model.layers) as LayerPlan[];
    const data = await buildMemberData(config, plans[plans.length - 1]!.outputShape[0]!);
    return new DenseWasmKernel(config, plans, data, await DenseWasmTrainer.newKernel(config, plans, data));
  }

  readBack(probeRows: number[][] | null, params: readonly string[] = []): Promise<Readback> {
    return Promise.resolve(denseWasmReadBack(this, probeRows, params));
  }

  reconfigure(config: ResolvedConfig): void {
    this.replaceConfig(config);
  }

  paramShapes(): Map<string, number[]> {
    return new Map(this.plans.flatMap((plan) => plan.params.map((spec) => [spec.name, spec.shape] as [string, number[]])));
  }

  readParams(): Promise<Map<string, ParamView>> {
    const shapes = this.paramShapes();
    return Promise.resolve(new Map([...this.paramValues()].map(([name, values]) => [name, { shape: shapes.get(name)!, values }])));
  }

  writeParams(values: Map<string, Float32Array>): void {
    const shapes = this.paramShapes();
    for (const [name, v] of values) {
      const shape = shapes.get(name);
      if (!shape) throw new EngineError('unknown_parameter', `no parameter ${name}`, 'name', { allowed: [...shapes.keys()] });
      const size = this.members * shape.reduce((a, b) => a * b, 1);
      if (v.length !== size) throw new EngineError('length_mismatch', `${name} needs ${size} values`, 'values', { min: size, max: size });
    }
    this.setParamValues(values);
  }

  resetOptimizerState(): void {
    this.kernel.resetState();
  }

  reinitializeLayer(index: number, salt: number): void {
    const plan = this.plans[index]!;
    const members = this.config.members.map((m) => ({ ...m, initSeed: deriveSeed(m.initSeed, salt) }));
    const values = new Map<string, Float32Array>();
    plan.params.forEach((spec, i) => {
      const perMember = members.map((m) => initialMemberValues(plan, spec, i, m, this.config.model.initializer));
      const all = new Float32Array(perMember.length * (perMember[0]?.length ?? 0));
      perMember.forEach((v, p) => all.set(v, p * v.length));
      values.set(spec.name, all);
    });
    this.setParamValues(values);
    this.resetOptimizerState();
  }

  private checkRows(rows: number[][]): void {
    const size = this.data.base.inputSize;
    if (!Array.isArray(rows) || rows.length === 0 || rows.some((row) => !Array.isArray(row) || row.length !== size || row.some((v) => !Number.isFinite(v))))
      throw new EngineError('bad_inputs', `inputs must be non-empty rows of ${size} finite numbers`, 'inputs', { min: size, max: size });
  }

  predict(rows: number[][]): Promise<number[][][]> {
    this.checkRows(rows);
    const K = this.data.targetWidth;
    const out = this.kernel.evaluate(Float32Array.from(scaleRows(rows, this.data.base.scaler).flat()), rows.length, false);
    return Promise.resolve(Array.from({ length: this.members }, (_, p) => rows.map((_, j) => Array.from(out.subarray((p * rows.length + j) * K, (p * rows.length + j + 1) * K)))));
  }

  inputGradient(rows: number[][], targets: number[] | number[][]): Promise<InputGradientResult> {
    this.checkRows(rows);
    if (!Array.isArray(targets) || targets.length !== rows.length) throw new EngineError('length_mismatch', 'targets must have one entry per input row', 'targets', { min: rows.length, max: rows.length });
    const width = this.data.targetWidth;
    const encoded = new Float32Array(rows.length * width);
    targets.forEach((t, i) => {
      if (this.data.encoding) this.data.encoding.encode(t as number, encoded, i * width);
      else encoded.set(t as number[], i * width);
    });
    const scaler = this.data.base.scaler;
    return Promise.resolve(denseInputGradient({
      plans: this.plans, params: this.paramValues(), members: this.members, loss: this.config.training.loss,
      rows: scaleRows(rows, scaler), targets: encoded, std: scaler.std,
    }));
  }

  dispose(): void {
    // The kernel's memory is ordinary JS heap (a WebAssembly.Memory): dropping the kernel frees it.
    this.windowLoss = null;
    this.pendingStats = null;
    this.lastGradients = null;
  }
}
