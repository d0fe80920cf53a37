/**
 * How the plain TypeScript reference trainer compares with TensorFlow Playground's engine on the two standard
 * workloads, measured on the reference machine (2 cores, Node 22): k = T_Playground / T_reference.
 *
 * Playground's times are the side-by-side measurements in shared/FACTS.md (sweep ≈ 1.6 s, ensemble ≈ 10–12 s,
 * midpoint 11 s), wall times on this machine class (Node 22, 2 cores). T_reference is the reference's process CPU time, the
 * median of 5 runs of `npm run bench:engine -- --calibrate` (Node 22) on the same machine class, 2026-11-25,
 * under a load average of ~16 from other jobs (minimums 1.70 s and 8.50 s; the median is the conservative
 * choice: a slower reference makes k, and so every implied ratio, smaller). Both include building the networks. The bench multiplies its in-run ratio to the reference by
 * k, so this machine's speed and load cancel and only the reference-to-Playground ratio is carried over.
 */
/** Seconds of the TS reference (`npm run bench:engine -- --calibrate`) on the reference machine. */
const REF_SWEEP_SECONDS = 1.86;
const REF_ENSEMBLE_SECONDS = 8.71;

export const CALIBRATION = {
  sweep: {
    workload: 'sweep',
    factor: 1.6 / REF_SWEEP_SECONDS,
    how: `Playground 1.6 s ÷ reference ${REF_SWEEP_SECONDS} s (median CPU of 5, 2026-11-25)`,
  },
  ensemble: {
    workload: 'ensemble',
    factor: 11 / REF_ENSEMBLE_SECONDS,
    how: `Playground 11 s (10–12 s) ÷ reference ${REF_ENSEMBLE_SECONDS} s (median CPU of 5, 2026-11-25)`,
  },
} as const;
