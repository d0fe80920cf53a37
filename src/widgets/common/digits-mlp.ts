/** What the task lines of the widgets that probe the shipped digits MLP say about it, read from its config. */
import { DIGITS_MLP_CONFIG } from '@engine/pretrained/configs';

/** The network's widths, 784 → 32 → 10. */
export const DIGITS_MLP_WIDTHS = [...DIGITS_MLP_CONFIG.model.inputShape, ...DIGITS_MLP_CONFIG.model.layers.map((layer) => (layer.type === 'dense' ? layer.units : 0))];

/** Validation digits of its split (the 1,000 shipped digits, 20 % by default), as the trainer counts them. */
const dataset = DIGITS_MLP_CONFIG.dataset;
export const VALIDATION_DIGITS = dataset.kind === 'digits' ? Math.round((dataset.count ?? 1000) * (dataset.split?.validation ?? 0.2)) : 0;
