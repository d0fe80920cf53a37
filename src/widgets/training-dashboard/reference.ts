/**
 * The healthy reference: the dashboard's default run (the `healthy-run` preset: the project model, seed 1,
 * 20 epochs, an event every 10 steps), recorded once as the views keep it (record.ts) and shipped as JSON
 * (healthy-reference.json, ~47 KB, loaded only when a reader turns the overlay on). It is the same run the
 * pre-render trains; tests/claims/project-lifecycle-dashboard.test.ts retrains it and checks the file against
 * it, and rewrites it with `DASHBOARD_REFERENCE_WRITE=1`.
 */
import { reviveRecord, type DashboardRecord } from './record';

let loading: Promise<DashboardRecord> | null = null;

export function loadHealthyReference(): Promise<DashboardRecord> {
  loading ??= import('./healthy-reference.json').then((module) => reviveRecord(module.default));
  // A failed load (a network error) may be retried by the next call.
  loading.catch(() => (loading = null));
  return loading;
}
