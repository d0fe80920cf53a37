/**
 * The views of chapter 3's prior experiments (docs/deep-learning-myth/outline.md, `mlp-vs-convnet` and
 * `permuted-pixels`): final validation accuracy against the training-set size, one line per network with its
 * parameter count in the legend, one dot per seed; `permuted-pixels` first shows three digits before and after
 * the permutation (the same permutation the engine applies, `datasets/pixel-permutation.ts`).
 */
import { pixelPermutation } from '@engine/datasets/pixel-permutation';
import type { LineChartData, LineSeries, XYPoint } from '../plots/types';
import { fill } from '../shell/text';
import type { DigitsPreset } from './definition';
import { parsePriorArm, PERMUTATION_SEED, PRIOR_NETWORKS, PRIOR_SIZES, priorArm, priorParameters, type PriorNetwork } from './plans-priors';
import { mean, type DigitsResults } from './results';
import { stripDigits } from './samples';
import type { ViewKit } from './views-practical-tricks';

type Preset = Extract<DigitsPreset, 'mlp-vs-convnet' | 'permuted-pixels'>;
export const isPriors = (preset: string): preset is Preset => preset === 'mlp-vs-convnet' || preset === 'permuted-pixels';

/** Digits shown before and after the permutation: the first three of the embedded strip. */
export const PERMUTED_SAMPLES = 3;

/** "MLP 784 → 10 → 10 (7.960 parâmetros)": a network's name with its parameter count in the page's numbers. */
export function networkLabel(network: PriorNetwork, kit: Pick<ViewKit, 'strings' | 'locale'>): string {
  return fill(kit.strings.digits.arms[network], { params: new Intl.NumberFormat(kit.locale).format(priorParameters(network)) });
}

/** An arm ("convnet/100") in readouts: the network's short name and its training-set size ("MLP, 100 dígitos"). */
export function priorsLabel(arm: string, kit: Pick<ViewKit, 'strings' | 'locale'>): string {
  const { network, size } = parsePriorArm(arm);
  const short = network === 'mlp' ? kit.strings.digits.arms.mlpShort : kit.strings.digits.arms.convnetShort;
  return fill(kit.strings.digits.series.networkAtSize, { network: short, count: new Intl.NumberFormat(kit.locale).format(size) });
}

/** Final validation accuracy against the training-set size: per network a mean line and one dot per seed. */
export function priorFinals(results: DigitsResults, name: (network: PriorNetwork) => string, seedsName: string): LineChartData {
  const series: LineSeries[] = [];
  PRIOR_NETWORKS.forEach((network, index) => {
    const dots: XYPoint[] = [];
    const line: XYPoint[] = [];
    for (const size of PRIOR_SIZES) {
      const values = results.accuracyAt(priorArm(network, size)).filter((v): v is number => v !== null && Number.isFinite(v));
      values.forEach((y) => dots.push({ x: size, y }));
      if (values.length) line.push({ x: size, y: mean(values) });
    }
    series.push({ id: network, name: name(network), points: line, color: index, dash: 0, symbol: index });
    series.push({ id: `${network}-seeds`, name: `${name(network)} · ${seedsName}`, points: dots, mark: 'dot', color: index, symbol: index, opacity: 0.7, hideInLegend: true });
  });
  return { series };
}

/** The strip's images: the sample digits as they are, then with their pixels permuted. */
export function permutedSamples(): { original: Float32Array[]; permuted: Float32Array[] } {
  const order = pixelPermutation(28 * 28, PERMUTATION_SEED);
  const original = stripDigits().slice(0, PERMUTED_SAMPLES);
  return { original, permuted: original.map((image) => Float32Array.from(order, (j) => image[j] as number)) };
}

export function buildPriorsView(preset: Preset, kit: ViewKit): () => void {
  const t = kit.strings.digits;
  if (preset === 'permuted-pixels') {
    const { original, permuted } = permutedSamples();
    kit.strip({ rows: [{ id: 'original', name: t.arms.originalPixels, images: original }, { id: 'permuted', name: t.arms.permutedPixels, images: permuted }] }, 'digitsPermutedSamples');
  }
  const finals = kit.chart('digitsPriors', { logX: true, fitY: true, x: { nice: false, domain: [80, 875], ticks: [...PRIOR_SIZES] } });
  return () => finals.update(priorFinals(kit.results, (network) => networkLabel(network, kit), t.series.seeds));
}
