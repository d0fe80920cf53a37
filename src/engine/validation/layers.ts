/** Validation of the model's layers and initializers against the registries (`registry/`). */
import type { InitializerSpec, LayerSpec } from '../config';
import { ACTIVATION_NAMES, HIDDEN_ACTIVATIONS } from '../registry/activations';
import { INITIALIZERS, INITIALIZER_NAMES, SCALED_INITIALIZERS } from '../registry/initializers';
import { Checker, clone, nonNegative } from './checker';

export const MAX_UNITS = 4096;
export const LAYER_TYPES = ['dense', 'conv1d', 'conv2d', 'pool1d', 'pool2d', 'flatten'] as const;

/** Fields each layer type accepts: anything else is a typo and is rejected, not ignored. */
const LAYER_FIELDS: Record<LayerSpec['type'], string[]> = {
  dense: ['type', 'units', 'activation', 'normalization', 'residual', 'initializer', 'biasInitializer', 'useBias', 'trainable', 'dropout', 'maxNorm', 'name'],
  conv1d: ['type', 'filters', 'kernelSize', 'stride', 'padding', 'activation', 'initializer', 'useBias', 'trainable', 'name'],
  conv2d: ['type', 'filters', 'kernelSize', 'stride', 'padding', 'activation', 'initializer', 'useBias', 'trainable', 'name'],
  pool1d: ['type', 'pool', 'size', 'name'],
  pool2d: ['type', 'pool', 'size', 'name'],
  flatten: ['type', 'name'],
};

/** { name, scale? }: the name from the registry; `scale` only for initializers that use one. */
export function checkInitializer(c: Checker, field: string, spec: unknown, fallback: InitializerSpec): InitializerSpec {
  if (spec === undefined) return fallback;
  const fields = c.object(field, spec, ['name', 'scale']);
  if (!fields) return fallback;
  const name = c.oneOf(`${field}.name`, fields.name, INITIALIZER_NAMES);
  const out: InitializerSpec = { name };
  if (fields.scale !== undefined) {
    if (INITIALIZERS[name].scale === null) c.fail('not_allowed', `${field}.scale`, `${name} takes no scale; initializers with a scale: ${SCALED_INITIALIZERS.join(', ')}`, { allowed: [...SCALED_INITIALIZERS] });
    else out.scale = c.number(`${field}.scale`, fields.scale, undefined, { min: -1e3, max: 1e3 });
  }
  return out;
}

export function checkLayer(c: Checker, layer: unknown, i: number, last: boolean): LayerSpec {
  const f = `model.layers[${i}]`;
  if (layer === null || typeof layer !== 'object' || Array.isArray(layer)) {
    c.fail('not_allowed', f, `must be a layer object { type, ... }, got ${JSON.stringify(layer)}`, { allowed: [...LAYER_TYPES] });
    return { type: 'flatten' };
  }
  const type = c.oneOf(`${f}.type`, (layer as { type?: unknown }).type, LAYER_TYPES);
  if (!c.object(f, layer, LAYER_FIELDS[type])) return { type: 'flatten' };
  const copy = clone(layer as LayerSpec);
  if ('name' in copy && copy.name !== undefined) copy.name = c.string(`${f}.name`, copy.name, '');
  if (type === 'dense' && copy.type === 'dense') {
    copy.units = c.number(`${f}.units`, copy.units, undefined, { min: 1, max: MAX_UNITS, integer: true });
    copy.activation = c.oneOf(`${f}.activation`, copy.activation, ACTIVATION_NAMES, 'linear');
    if (!last && !(HIDDEN_ACTIVATIONS as string[]).includes(copy.activation))
      c.fail('softmax_not_output', `${f}.activation`, `${copy.activation} is only allowed on the output layer`, { allowed: [...HIDDEN_ACTIVATIONS] });
    copy.normalization = c.oneOf(`${f}.normalization`, copy.normalization, ['none', 'batch', 'layer'] as const, 'none');
    copy.residual = c.boolean(`${f}.residual`, copy.residual, false);
    copy.useBias = c.boolean(`${f}.useBias`, copy.useBias, true);
    copy.trainable = c.boolean(`${f}.trainable`, copy.trainable, true);
    copy.dropout = c.number(`${f}.dropout`, copy.dropout, 0, { min: 0, max: 0.95 });
    copy.maxNorm = c.number(`${f}.maxNorm`, copy.maxNorm, 0, nonNegative);
    if (copy.initializer !== undefined) copy.initializer = checkInitializer(c, `${f}.initializer`, copy.initializer, { name: 'glorot_uniform' });
    if (copy.biasInitializer !== undefined) copy.biasInitializer = checkInitializer(c, `${f}.biasInitializer`, copy.biasInitializer, { name: 'zeros' });
  } else if ((type === 'conv1d' || type === 'conv2d') && (copy.type === 'conv1d' || copy.type === 'conv2d')) {
    copy.filters = c.number(`${f}.filters`, copy.filters, undefined, { min: 1, max: 512, integer: true });
    copy.kernelSize = c.number(`${f}.kernelSize`, copy.kernelSize, undefined, { min: 1, max: 15, integer: true });
    copy.stride = c.number(`${f}.stride`, copy.stride, 1, { min: 1, max: 8, integer: true });
    copy.padding = c.oneOf(`${f}.padding`, copy.padding, ['same', 'valid'] as const, 'same');
    copy.activation = c.oneOf(`${f}.activation`, copy.activation, HIDDEN_ACTIVATIONS, 'relu');
    copy.useBias = c.boolean(`${f}.useBias`, copy.useBias, true);
    copy.trainable = c.boolean(`${f}.trainable`, copy.trainable, true);
    if (copy.initializer !== undefined) copy.initializer = checkInitializer(c, `${f}.initializer`, copy.initializer, { name: 'glorot_uniform' });
  } else if ((type === 'pool1d' || type === 'pool2d') && (copy.type === 'pool1d' || copy.type === 'pool2d')) {
    copy.pool = c.oneOf(`${f}.pool`, copy.pool, ['max', 'avg'] as const, 'max');
    copy.size = c.number(`${f}.size`, copy.size, 2, { min: 1, max: 8, integer: true });
  }
  if (last && type !== 'dense') c.fail('output_not_dense', `${f}.type`, 'the output layer must be dense', { allowed: ['dense'] });
  return copy;
}
