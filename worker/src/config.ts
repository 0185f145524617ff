/** The task queue journeys run on; worker and dispatcher must agree. */
export const TASK_QUEUE = process.env.YATRA_TASK_QUEUE ?? 'yatra-journeys';

/** Temporal connection settings from the environment (set by `npm start` for the dev server). */
export function temporalSettings() {
  return {
    address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233',
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  };
}
