import type { Db } from '../client';
import { createJourney, publishJourneyVersion } from '../queries/journeys';
import { createRun, finishRun, recordSteps, type FinishRunInput } from '../queries/runs';
import type { Journey, JourneyVersion } from '../schema';

/** A journey with one live version triggered by `triggerEvent` — enough for runs to point at. */
export async function publishedJourney(
  db: Db,
  triggerEvent = 'order.placed',
): Promise<{ journey: Journey; version: JourneyVersion }> {
  const journey = await createJourney(db, {
    name: `Journey ${triggerEvent}`,
    graph: { nodes: [], edges: [] },
  });
  const version = await publishJourneyVersion(db, {
    journeyId: journey.id,
    graph: journey.graph,
    ir: { trigger: triggerEvent, nodes: {} },
    triggerEvent,
  });
  return { journey, version };
}

/** `[nodeId, port]` per step, in order; a null port is "waiting here". */
export type StepPath = [string, string | null][];

/**
 * A run of `versionId` that took `path`, every step at `at` (node type 'x': counts ignore it);
 * with `finish`, the run ended there. Runs are keyed by `workflowId`: the same one twice is one run.
 */
export async function recordPathRun(
  db: Db,
  r: {
    journeyId: string;
    versionId: string;
    customerId: string;
    workflowId: string;
    at: Date;
    path: StepPath;
    finish?: Omit<FinishRunInput, 'exitedAt'>;
  },
): Promise<void> {
  const { run } = await createRun(db, {
    journeyId: r.journeyId,
    versionId: r.versionId,
    customerId: r.customerId,
    entryEventId: null,
    workflowId: r.workflowId,
    enteredAt: r.at,
  });
  await recordSteps(
    db,
    run.id,
    r.path.map(([nodeId, port], seq) => ({
      seq,
      nodeId,
      nodeType: 'x',
      port,
      at: r.at,
      detail: {},
    })),
  );
  if (r.finish) await finishRun(db, run.id, { ...r.finish, exitedAt: r.at });
}
