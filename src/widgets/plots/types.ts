/**
 * Plain data shapes and options for the plot primitives.
 *
 * The plots know nothing of the engine: the widget shell maps telemetry events onto these shapes.
 * Every user-visible string arrives already translated through a `labels` object; every number is
 * formatted with `Intl.NumberFormat(locale)`.
 */

export type * from './types/common';
export type * from './types/line-chart';
export type * from './types/learning-rate';
export type * from './types/bias-variance';
export type * from './types/gradients';
export type * from './types/model-views';
