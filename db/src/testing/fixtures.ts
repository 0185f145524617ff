import type { Db } from '../client';
import { createJourney, publishJourneyVersion } from '../queries/journeys';
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
