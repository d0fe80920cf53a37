/**
 * 2-D classification shapes in roughly [-1, 1]², seeded, with input noise, label noise and class imbalance.
 * Inputs are [x, y]; targets are class ids.
 */
import type { Classification2DName } from '../config';
import { Random } from '../random';
import type { RawData } from './types';

export interface ShapeOptions {
  count: number;
  classes: number;
  noise: number;
  labelNoise: number;
  /** Fraction of points in class 0 when there are 2 classes. */
  imbalance: number;
  seed: number;
}

/** Class of the i-th point: 2 classes follow `imbalance`, more classes are balanced. */
function classOf(i: number, o: ShapeOptions): number {
  if (o.classes === 2) return i < Math.round(o.count * o.imbalance) ? 0 : 1;
  return i % o.classes;
}

type PointMaker = (label: number, r: Random, o: ShapeOptions) => [number, number];

const makers: Record<Classification2DName, PointMaker> = {
  /** Arms of an Archimedean spiral: radius t, angle 1.75·2π·t + 2π·label/C (t uniform in [0, 1]). */
  spiral: (label, r, o) => {
    const t = r.uniform();
    const angle = 1.75 * 2 * Math.PI * t + (2 * Math.PI * label) / o.classes;
    return [t * Math.sin(angle) + o.noise * r.normal() * 0.5, t * Math.cos(angle) + o.noise * r.normal() * 0.5];
  },
  /** Concentric rings: class c at radius (c + 0.5) / C. */
  circles: (label, r, o) => {
    const radius = (label + 0.5) / o.classes + o.noise * r.normal() * 0.3;
    const angle = r.range(0, 2 * Math.PI);
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  },
  /** Uniform square; class = sign(x)·sign(y) > 0. The label decides the quadrant pair. */
  xor: (label, r, o) => {
    const a = r.range(0.05, 1);
    const b = r.range(0.05, 1);
    const flip = r.uniform() < 0.5 ? 1 : -1;
    const x = flip * a;
    const y = (label === 0 ? flip : -flip) * b;
    return [x + o.noise * r.normal() * 0.5, y + o.noise * r.normal() * 0.5];
  },
  /** Gaussian blobs on a circle of radius 0.6, standard deviation 0.15 + noise. */
  gaussians: (label, r, o) => {
    const angle = (2 * Math.PI * label) / o.classes;
    const spread = 0.15 + o.noise;
    return [0.6 * Math.cos(angle) + spread * r.normal(), 0.6 * Math.sin(angle) + spread * r.normal()];
  },
  /** Two interleaving half circles (scikit-learn's moons), scaled into [-1, 1]². */
  moons: (label, r, o) => {
    const t = r.range(0, Math.PI);
    const x = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const y = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    return [(x - 0.5) * 0.66 + o.noise * r.normal() * 0.3, (y - 0.25) * 0.66 + o.noise * r.normal() * 0.3];
  },
};

export function generateShape(shape: Classification2DName, o: ShapeOptions): RawData {
  const r = new Random(o.seed);
  const inputs: number[][] = [];
  const targets: number[] = [];
  for (let i = 0; i < o.count; i++) {
    const label = classOf(i, o);
    inputs.push(makers[shape](label, r, o));
    // Label noise: with probability labelNoise, replace the label by a different class chosen uniformly.
    const noisy = r.uniform() < o.labelNoise ? (label + 1 + r.int(o.classes - 1)) % o.classes : label;
    targets.push(noisy);
  }
  return { inputs, targets };
}

/** A side × side grid over [-extent, extent]², row by row. */
export function grid2D(extent: number, side: number): number[][] {
  const points: number[][] = [];
  for (let i = 0; i < side; i++)
    for (let j = 0; j < side; j++) points.push([-extent + (2 * extent * j) / (side - 1), extent - (2 * extent * i) / (side - 1)]);
  return points;
}
