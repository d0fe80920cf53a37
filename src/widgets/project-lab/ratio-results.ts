/**
 * What an `update-ratio` run has measured (plain data, no DOM): per rate, the hidden layer's ‖ΔW‖/‖W‖ at every
 * event and the validation loss, and whether the member diverged. One member per rate, in RATIO_RATES order.
 */
import type { ProgressEvent } from '@engine/types';
import { RATIO_RATES } from './plan';

export class RatioResults {
  steps: number[] = [];
  /** `[rate][event]`; NaN once the member diverged. */
  ratios: number[][] = RATIO_RATES.map(() => []);
  /** `[rate][event]` validation loss. */
  losses: number[][] = RATIO_RATES.map(() => []);
  diverged: boolean[] = RATIO_RATES.map(() => false);

  clear(): void {
    this.steps = [];
    this.ratios = RATIO_RATES.map(() => []);
    this.losses = RATIO_RATES.map(() => []);
    this.diverged = RATIO_RATES.map(() => false);
  }

  progress(event: ProgressEvent): void {
    this.steps.push(event.step);
    const hidden = Math.max(0, event.layerNames.indexOf('hidden'));
    RATIO_RATES.forEach((_, r) => {
      const member = event.members[r];
      const bad = !member || member.diverged;
      if (bad) this.diverged[r] = true;
      this.ratios[r]!.push(bad ? Number.NaN : (event.updateRatioByLayer?.[r]?.[hidden] ?? Number.NaN));
      this.losses[r]!.push(bad ? Number.NaN : (member.validationLoss ?? Number.NaN));
    });
  }

  /** The last validation loss of each rate (NaN when it diverged). */
  finalLosses(): number[] {
    return this.losses.map((values) => values.at(-1) ?? Number.NaN);
  }
}
