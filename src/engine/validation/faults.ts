/**
 * Validation of the debugging lab's faults (`faults.ts`): known keys, each once, and only in a run marked
 * `runtime.lab: true` (code `lab_only`), so a lesson cannot ship a planted bug by accident; the lab-only loss
 * likewise. Each fault's needs (a classification dataset, a hidden dense layer, a softmax cross-entropy) are
 * checked against the rest of the config.
 */
import type { LayerSpec } from '../config';
import { FAULTS, FAULT_KEYS, type FaultKey } from '../faults';
import { LOSSES, type LossEntry } from '../registry/losses';
import type { ResolvedConfig } from '../resolved';
import type { Checker } from './checker';

/** `faults`: a list of distinct keys, allowed only in a lab run; the lab-only loss likewise. */
export function checkFaults(c: Checker, value: unknown, lab: boolean, loss: ResolvedConfig['training']['loss']): FaultKey[] {
  if ((LOSSES[loss] as LossEntry).labOnly && !lab) c.fail('lab_only', 'training.loss', `${loss} is a planted bug of the debugging lab: set runtime.lab to true`, { allowed: ['runtime.lab'] });
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    c.fail('not_allowed', 'faults', `must be a list of fault keys, got ${JSON.stringify(value)}`, { allowed: [...FAULT_KEYS] });
    return [];
  }
  const keys = value.map((key, i) => c.oneOf(`faults[${i}]`, key, FAULT_KEYS));
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i) c.fail('duplicate', `faults[${i}]`, `${key} is listed twice`);
  });
  if (keys.length > 0 && !lab) c.fail('lab_only', 'faults', 'planted bugs are for the debugging lab only: set runtime.lab to true', { allowed: ['runtime.lab'] });
  return [...new Set(keys)];
}

/** Faults whose needs the (otherwise valid) config does not meet. */
export function checkFaultNeeds(c: Checker, faults: FaultKey[], loss: ResolvedConfig['training']['loss'], layers: LayerSpec[], classification: boolean): void {
  const output = layers[layers.length - 1];
  faults.forEach((key, i) => {
    const field = `faults[${i}]`;
    switch (FAULTS[key].needs) {
      case 'classification':
        if (!classification) c.fail('not_allowed', field, `${key} needs a classification dataset`);
        break;
      case 'hidden-dense':
        if (!layers.slice(0, -1).some((layer) => layer.type === 'dense')) c.fail('not_allowed', field, `${key} needs a hidden dense layer`);
        break;
      case 'softmax-crossentropy':
        if ((loss !== 'categorical_crossentropy' && loss !== 'naive_crossentropy') || output?.type !== 'dense' || output.activation !== 'softmax')
          c.fail('not_allowed', field, `${key} needs categorical_crossentropy on a softmax output`, { allowed: ['categorical_crossentropy'] });
        break;
      case 'any':
        break;
    }
  });
}
