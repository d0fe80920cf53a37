/**
 * What the tfjs kernel keeps between read-backs, as tensors (nothing is read until the next progress):
 *   - the loss window: Σ of per-member batch losses since the last read-back, [P], and how many steps;
 *     the dense fast path computes the loss only on the step before a read-back, autodiff on every step;
 *   - the layer statistics of the last step before a read-back, [P, 3L] (see grad-stats.ts);
 *   - the last step's gradients, only when histograms are requested.
 */
import * as tf from '../tf';

export class StepStatistics {
  windowLoss: tf.Tensor | null = null;
  windowSteps = 0;
  pendingStats: tf.Tensor | null = null;
  lastGradients: Map<string, tf.Tensor> | null = null;

  /** Takes ownership of one step's outputs (each may be null: nothing recorded). `windowLoss` is the new sum. */
  record(windowLoss: tf.Tensor | null, stats: tf.Tensor | null, gradients: Map<string, tf.Tensor> | null): void {
    if (windowLoss) {
      this.windowLoss?.dispose();
      this.windowLoss = windowLoss;
      this.windowSteps++;
    }
    if (stats) {
      this.pendingStats?.dispose();
      this.pendingStats = stats;
    }
    if (gradients) {
      if (this.lastGradients) tf.dispose([...this.lastGradients.values()]);
      this.lastGradients = gradients;
    }
  }

  /** Hands over and clears the loss window (the caller disposes the tensor). */
  takeWindow(): { loss: tf.Tensor | null; steps: number } {
    const window = { loss: this.windowLoss, steps: this.windowSteps };
    this.windowLoss = null;
    this.windowSteps = 0;
    return window;
  }

  /** Hands over and clears the pending layer statistics (the caller disposes the tensor). */
  takeStats(): tf.Tensor | null {
    const stats = this.pendingStats;
    this.pendingStats = null;
    return stats;
  }

  dispose(): void {
    tf.dispose([this.windowLoss, this.pendingStats].filter((t): t is tf.Tensor => t !== null));
    if (this.lastGradients) tf.dispose([...this.lastGradients.values()]);
    this.windowLoss = null;
    this.pendingStats = null;
    this.lastGradients = null;
    this.windowSteps = 0;
  }
}
