/** Engine-shaped progress events for plain-TS simulations, so the shell's status line treats them alike. */
import type { ProgressEvent } from '@engine/types';

export function localProgress(step: number, epoch: number, losses: number[], learningRate: number): ProgressEvent {
  return {
    type: 'progress',
    step,
    epoch,
    members: losses.map((trainLoss) => ({
      trainLoss,
      validationLoss: null,
      trainAccuracy: null,
      validationAccuracy: null,
      learningRate,
      diverged: !Number.isFinite(trainLoss),
    })),
    layerNames: [],
    backend: 'cpu',
    stepsPerSecond: 0,
  };
}
