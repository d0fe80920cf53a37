/**
 * The layer axes of telemetry, from the model plan alone (the same on every compute path):
 *   - stat layers: layers with parameters, each with its kernel and bias names (per-layer norms, histograms);
 *   - activation layers: dense and convolution layers (activation statistics and histograms).
 */
import type { LayerPlan } from '../model/shapes';

export function statLayers(plans: LayerPlan[]): { names: string[]; params: string[][] } {
  const layers = plans.filter((plan) => plan.params.length > 0);
  return { names: layers.map((l) => l.name), params: layers.map((l) => l.params.filter((p) => p.role === 'kernel' || p.role === 'bias').map((p) => p.name)) };
}

export function activationLayerPlans(plans: LayerPlan[]): LayerPlan[] {
  return plans.filter((p) => p.spec.type === 'dense' || p.spec.type === 'conv1d' || p.spec.type === 'conv2d');
}
