/**
 * The GradientCheck widget's words and numbers in the page's language: element names, values (non-finite ones as
 * such), relative errors as "2,4 × 10⁻¹⁰", the verdict sentence, the curve's readout and the task line.
 */
import type { ElementRef, Precision } from '@engine/gradcheck/gradient-check';
import type { CustomLayerKey } from '@engine/gradcheck/custom-layers';
import { formatScientific } from '../plots/format';
import { fill, optionLabel, own, type WidgetStrings } from '../shell/text';
import { exampleShape, FAIL_ABOVE, floorOf, PASS_BELOW, type CheckView, type CurvePoint } from './check-view';

export interface GradientCheckFormat {
  /** A gradient value: 6 significant digits (enough to see where analytic and numeric part), or «não é finito (NaN)». */
  value(v: number): string;
  /** A relative error or a step: "2,4 × 10⁻¹⁰", "0,047", "1". */
  scientific(v: number): string;
}

export function gradientCheckFormat(strings: WidgetStrings, locale: string): GradientCheckFormat {
  const plain = new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 });
  const short = new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 });
  const nonFinite = (v: number) => fill(strings.gradientCheck.nonFiniteValue, { value: Number.isNaN(v) ? 'NaN' : v > 0 ? '+∞' : '−∞' });
  const scientific = (v: number): string => {
    if (!Number.isFinite(v)) return nonFinite(v);
    const magnitude = Math.abs(v);
    if (magnitude === 0 || (magnitude >= 1e-2 && magnitude < 1e4)) return short.format(v);
    return formatScientific(locale, v, 2);
  };
  return {
    value: (v) => {
      if (!Number.isFinite(v)) return nonFinite(v);
      const magnitude = Math.abs(v);
      return magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e6) ? scientific(v) : plain.format(v);
    },
    scientific,
  };
}

/** "x[1, 0]", "β[2]" (indices from 0, as in the code and the engine's tests). */
export function elementName(strings: WidgetStrings, element: ElementRef): string {
  const template = own(strings.gradientCheck.elements, element.tensor) ?? `${element.tensor}[{unit}]`;
  const [first = 0, second] = element.index;
  return fill(template, second === undefined ? { unit: first } : { row: first, unit: second });
}

/** The verdict: pass / doubtful / fail with the largest relative error and where; non-finite with how many and the first. */
export function verdictText(strings: WidgetStrings, view: CheckView, format: GradientCheckFormat): string {
  const text = strings.gradientCheck.verdicts;
  const { result, count, rows } = view;
  const values = {
    error: format.scientific(result.maxRelativeError),
    element: result.worst ? elementName(strings, result.worst) : '',
    low: format.scientific(PASS_BELOW),
    high: format.scientific(FAIL_ABOVE),
    total: rows.length,
  };
  if (view.verdict === 'nonFinite') {
    const first = result.nonFinite[0];
    return fill(text.nonFinite, { ...values, count: count.nonFinite, element: first ? elementName(strings, first) : '' });
  }
  return fill(text[view.verdict], { ...values, count: count.fail });
}

/** Where the curve of the chosen precision bottoms out, or that no h gives finite values. */
export function curveReadout(strings: WidgetStrings, points: CurvePoint[], precision: Precision, format: GradientCheckFormat): string {
  const floor = floorOf(points);
  if (!floor) return strings.gradientCheck.noCurve;
  return fill(strings.gradientCheck.floor, { precision: optionLabel(strings, precision), error: format.scientific(floor.maxRelativeError), h: format.scientific(floor.h) });
}

/** "y = x·σ(βx), σ′ escrito σ(1 + σ); entrada 4 × 3, β: 3 valores; h = 10⁻⁵; float64 (precisão dupla)". */
export function taskText(strings: WidgetStrings, locale: string, settings: { layer: CustomLayerKey; h: number; precision: Precision }): string {
  const text = strings.gradientCheck;
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const { rows, units, params } = exampleShape(settings.layer);
  const format = gradientCheckFormat(strings, locale);
  return fill(text.task, {
    layer: text.layers[settings.layer],
    rows: integer.format(rows),
    units: integer.format(units),
    params: params.map((name) => fill(text.taskParams, { name: own(text.paramNames, name) ?? name })).join(''),
    h: format.scientific(settings.h),
    precision: optionLabel(strings, settings.precision),
  });
}
