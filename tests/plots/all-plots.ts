/**
 * One mounted instance of every plot type, with labels that are unique tokens ("L:title", …), so tests can
 * check that every visible string came from the labels or the data.
 */
import * as P from '@widgets/plots/index';
import type { PlotHandle } from '@widgets/plots/types';
import { curve, host, seeded } from './helpers';

export function tokenLabels<T extends Record<string, unknown>>(extra: T) {
  const base = ['showTable', 'hideTable', 'download', 'exportPng', 'exportSvg', 'exportCsv', 'exportJson', 'keyboardHint', 'title', 'description'];
  const out: Record<string, unknown> = Object.fromEntries(base.map((k) => [k, `L:${k}`]));
  for (const [k, v] of Object.entries(extra)) out[k] = v ?? `L:${k}`;
  return out as never;
}

const t = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, `L:${k}`]));

export function allPlots(locale = 'pt-BR'): Array<[string, PlotHandle<unknown>]> {
  const rand = seeded(42);
  const grid = (f: (x: number, y: number) => number) => {
    const values: number[] = [];
    for (let j = 0; j < 11; j++) for (let i = 0; i < 11; i++) values.push(f(-1 + i / 5, -1 + j / 5));
    return { x: [-1, 1] as [number, number], y: [-1, 1] as [number, number], nx: 11, ny: 11, values };
  };
  const named = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `S:${prefix}${i}`, points: curve(12, (x) => (i + 1) * Math.exp(-x / 5) + rand() * 0.01) }));
  const plots: Array<[string, unknown]> = [
    ['lineChart', P.lineChart(host(), { locale, labels: tokenLabels(t('x', 'y', 'logY', 'smoothing', 'diverged')), data: { series: named(2, 'a'), guides: [{ axis: 'y', value: 1, label: 'L:guide' }], bands: [{ axis: 'x', from: 2, to: 4, label: 'L:band' }], readouts: [{ label: 'L:w', value: 0.5 }] } })],
    ['curves', P.curves(host(), { locale, labels: tokenLabels(t('x', 'y')), data: { curves: named(3, 'c') } })],
    ['lossCurves', P.lossCurves(host(), { locale, labels: tokenLabels(t('x', 'y', 'logY', 'smoothing', 'diverged')), data: { runs: [...named(2, 'r'), { id: 'd', name: 'S:d', points: curve(5, (x) => 10 ** x), diverged: true }] } })],
    ['lrRangeTest', P.lrRangeTest(host(), { locale, labels: tokenLabels(t('x', 'y', 'loss', 'suggested')), data: { points: curve(20, (x) => 1 + x * x, 1e-4, 1), suggested: 0.01 } })],
    ['finalLoss', P.finalLoss(host(), { locale, labels: tokenLabels(t('x', 'y', 'loss', 'diverged')), data: { runs: [{ x: 0.001, loss: 1 }, { x: 0.1, loss: 0.2 }, { x: 10, loss: NaN, diverged: true }] } })],
    ['resampledFits', P.resampledFits(host(), { locale, labels: tokenLabels(t('x', 'y', 'fit', 'mean', 'truth', 'training')), data: { fits: [curve(5, Math.sin), curve(5, Math.cos)], mean: curve(5, (x) => x / 5), truth: curve(5, Math.sin), training: curve(4, Math.sin) } })],
    ['biasVariance', P.biasVarianceDecomposition(host(), { locale, labels: tokenLabels(t('x', 'y', 'bias2', 'variance', 'noise', 'total', 'measured')), data: { rows: [1, 2, 3].map((x) => ({ x, bias2: 1 / x, variance: x / 10, noise: 0.1, measured: 1 })) }, mode: 'stacked' })],
    ['trainVsValidation', P.trainVsValidation(host(), { locale, labels: tokenLabels(t('x', 'y', 'train', 'validation', 'best')), data: { train: curve(6, (x) => 1 / (1 + x)), validation: curve(6, (x) => 1 / (1 + x) + x / 20), best: 3 } })],
    ['gradientNorms', P.gradientNorms(host(), { locale, labels: tokenLabels(t('x', 'y')), data: { layers: named(3, 'g') } })],
    ['updateRatio', P.updateRatio(host(), { locale, labels: tokenLabels(t('x', 'y', 'guide')), data: { layers: named(2, 'u') } })],
    ['layerHistograms', P.layerHistograms(host(), { locale, labels: tokenLabels(t('x', 'step', 'mean', 'std', 'layer')), data: { layers: [{ id: 'h', name: 'S:h', snapshots: [{ step: 0, edges: [0, 1, 2], counts: [1, 2] }, { step: 1, edges: [0, 1, 2], counts: [2, 1] }] }] } })],
    ['functionFit', P.functionFit(host(), { locale, labels: tokenLabels(t('x', 'y', 'target', 'training', 'units', 'domain')), data: { predictions: named(1, 'p'), target: curve(12, Math.sin), training: curve(4, Math.sin), units: named(2, 'n'), domain: [2, 8], readouts: [{ label: 'L:w', value: 1.5 }] } })],
    ['decisionBoundary', P.decisionBoundary(host(), { locale, labels: tokenLabels({ ...t('x', 'y', 'probability', 'classColumn'), classes: ['L:class0', 'L:class1'] }), data: { grid: grid((x, y) => 1 / (1 + Math.exp(-4 * (x + y)))), points: [{ x: -0.5, y: -0.5, label: 0 }, { x: 0.5, y: 0.5, label: 1 }] } })],
    ['networkGraph', P.networkGraph(host(), { locale, labels: tokenLabels({ ...t('weight', 'bias', 'from', 'to'), layerNames: ['L:in', 'L:out'] }), data: { layers: [2, 1], weights: [[[0.5], [-1]]], biases: [[0.1]] } })],
    ['layerStack', P.layerStack(host(), { locale, labels: tokenLabels(t('layer', 'shape', 'parameters', 'notes', 'total', 'trainable')), data: { layers: [{ id: 'in', name: 'S:input', shape: 'S:shape0', parameters: null, badges: ['S:dropout'] }, { id: 'd', name: 'S:dense', shape: 'S:shape1', formula: 'S:formula', parameters: 25120, badges: ['S:frozen'], frozen: true }, { id: 'o', name: 'S:output', shape: 'S:shape2', parameters: 330, badges: [] }], total: 25450, trainable: 330 } })],
    ['lossSurface', P.lossSurface(host(), { locale, labels: tokenLabels(t('x', 'y', 'value', 'step', 'optimizer')), data: { surface: grid((x, y) => x * x + 3 * y * y + 0.1), trajectories: [{ id: 's', name: 'S:sgd', points: [{ x: -0.8, y: 0.8 }, { x: -0.4, y: 0.2 }] }], minimum: { x: 0, y: 0 } } })],
  ];
  return plots as Array<[string, PlotHandle<unknown>]>;
}
