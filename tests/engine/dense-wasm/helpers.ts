/** Builds dense-wasm trainers and tfjs sessions from the same config, and compares their parameters. */
import type { RunConfig } from '@engine/config';
import { DenseWasmTrainer } from '@engine/kernels/dense-wasm/trainer';
import { planModel, type LayerPlan } from '@engine/model/shapes';
import { buildMemberData } from '@engine/train/member-data';
import { TrainingSession } from '@engine/train/session';
import { validateConfig } from '@engine/validate';

export async function wasmTrainer(config: RunConfig): Promise<DenseWasmTrainer> {
  const resolved = validateConfig(config);
  const plans = planModel(resolved.model.inputShape, resolved.model.layers) as LayerPlan[];
  const data = await buildMemberData(resolved, plans[plans.length - 1]!.outputShape[0]!);
  return DenseWasmTrainer.create(resolved, plans, data);
}

/** Largest |a - b| / (1 + |b|) over every parameter of the members kept by `keep`. */
export async function compareParams(trainer: DenseWasmTrainer, session: TrainingSession, keep: (p: number) => boolean = () => true): Promise<number> {
  const mine = trainer.paramValues();
  let worst = 0;
  for (const [name, values] of mine) {
    const theirs = await session.params.get(name)!.data();
    const size = values.length / trainer.members;
    for (let p = 0; p < trainer.members; p++) {
      if (!keep(p)) continue;
      for (let e = p * size; e < (p + 1) * size; e++) worst = Math.max(worst, Math.abs(values[e]! - theirs[e]!) / (1 + Math.abs(theirs[e]!)));
    }
  }
  return worst;
}
