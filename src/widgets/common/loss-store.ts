/** Loss history per curve (run × member), fed from progress events; what loss-curve plots draw. */
import type { ProgressEvent } from '@engine/types';
import type { LossRun } from '../plots/types';

interface Curve {
  points: { x: number; y: number }[];
  diverged: boolean;
  divergedAt?: number;
  final: number;
}

/** Keeps at most this many points per curve (older ones are thinned), so long runs stay cheap to draw. */
const MAX_POINTS = 600;

export class LossStore {
  private readonly curves = new Map<string, Curve>();

  /**
   * @param divergeAbove a loss above this counts as diverged even while it is still finite (a rate of 10 reaches
   * 1e15 before the engine sees an ∞), so one exploding curve does not squash the others.
   */
  constructor(private readonly divergeAbove = Number.POSITIVE_INFINITY) {}

  clear(): void {
    this.curves.clear();
  }

  /** Adds every member of a progress event; `key(member)` names the curve. */
  add(event: ProgressEvent, key: (member: number) => string, x: number = event.epoch): void {
    event.members.forEach((metrics, member) => {
      const name = key(member);
      const curve = this.curves.get(name) ?? { points: [], diverged: false, final: Number.NaN };
      if ((metrics.diverged || !(metrics.trainLoss <= this.divergeAbove)) && !curve.diverged) {
        curve.diverged = true;
        curve.divergedAt = x;
      }
      if (!curve.diverged) {
        curve.points.push({ x, y: metrics.trainLoss });
        curve.final = metrics.trainLoss;
        if (curve.points.length > MAX_POINTS) curve.points = curve.points.filter((_, index) => index % 2 === 0 || index === curve.points.length - 1);
      }
      this.curves.set(name, curve);
    });
  }

  final(key: string): number {
    const curve = this.curves.get(key);
    return curve ? (curve.diverged ? Number.POSITIVE_INFINITY : curve.final) : Number.NaN;
  }

  first(key: string): number {
    return this.curves.get(key)?.points[0]?.y ?? Number.NaN;
  }

  keys(): string[] {
    return [...this.curves.keys()];
  }

  /** Loss-curve runs, named by `label(key)`, in `order` (so colours do not depend on which run reported first). */
  runs(label: (key: string) => string, order: readonly string[] = []): LossRun[] {
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    return [...this.curves.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([key, curve]) => ({
      id: key,
      name: label(key),
      points: curve.points,
      diverged: curve.diverged,
      ...(curve.divergedAt !== undefined ? { divergedAt: curve.divergedAt } : {}),
    }));
  }

  /** `{key: final loss}` for the DOM (tests read it). Diverged runs report null. */
  finals(): Record<string, number | null> {
    return Object.fromEntries(this.keys().map((key) => [key, Number.isFinite(this.final(key)) ? this.final(key) : null]));
  }
}
