// POST /api/journeys/:id/simulate: one sample customer through the journey's whole window on a
// virtual clock, with simulate() from @yatra/nodes — the step function production runs.
import type { Db } from '@yatra/db';
import {
  compile,
  journeyDocumentSchema,
  localTimeAfterDays,
  simulate,
  zoneOffsetMs,
} from '@yatra/nodes';
import { simulateBodySchema } from '../editor/simulation-input';
import { nodeRegistry } from '../node-registry';
import type { SimulationView } from '../editor/simulation';
import { issuesOf, PublishRejectedError, ValidationError } from './errors';
import { loadJourney } from './journeys';
import { toSimulationView } from './simulate-view';

/** A Monday morning: runs read the same whenever they are made. */
const DEFAULT_ENTER_AT = '2026-01-05T10:00';

/** The instant of a wall-clock `YYYY-MM-DDTHH:MM` in `timeZone` (DST-safe). */
export function localInstant(local: string, timeZone: string): number {
  const [date = '', hhmm = '00:00'] = local.split('T');
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const noon = Date.UTC(y, m - 1, d, 12);
  return localTimeAfterDays(noon - zoneOffsetMs(noon, timeZone), 0, hhmm, timeZone);
}

/** Node labels as the canvas shows them: label, else the type's title, else the id. */
function labelsOf(doc: { nodes: { id: string; type: string; label?: string | undefined }[] }) {
  return new Map(doc.nodes.map((n) => [n.id, n.label || nodeRegistry.get(n.type)?.title || n.id]));
}

/**
 * Simulates `body.customer` entering journey `id` with `body.entryEvent`, then the scripted
 * `body.events` (each `day` days after entry). Runs `body.document` when given — the canvas
 * sends what it shows, so what you see is what runs — else the saved draft.
 * Throws ValidationError (400), NotFoundError (404), PublishRejectedError (422: does not compile).
 * @example await simulateJourney(db, id, { customer: { id: 'c1' },
 *   entryEvent: { type: 'order.placed', properties: { orderId: 'o1', total: 84900, paymentMethod: 'cod' } },
 *   events: [{ day: 3, type: 'order.delivered', properties: { orderId: 'o1' } }] })
 */
export async function simulateJourney(db: Db, id: string, body: unknown): Promise<SimulationView> {
  const parsed = simulateBodySchema.safeParse(body);
  if (!parsed.success) {
    throw new ValidationError('The simulation request is invalid.', issuesOf(parsed.error));
  }
  const input = parsed.data;
  const journey = await loadJourney(db, id);
  let document: unknown = journey.graph;
  if (input.document !== undefined) {
    const doc = journeyDocumentSchema.safeParse(input.document);
    if (!doc.success) {
      throw new ValidationError(
        'The journey document is invalid.',
        issuesOf(doc.error, undefined, ['document']),
      );
    }
    document = doc.data;
  }
  const compiled = compile(document, nodeRegistry);
  if (!compiled.ok) throw new PublishRejectedError(compiled.errors);
  const { ir } = compiled;

  const { customer } = input;
  const startAt = new Date(
    localInstant(input.enterAt ?? DEFAULT_ENTER_AT, customer.timeZone),
  ).toISOString();
  const warnings =
    input.entryEvent.type === ir.trigger.event
      ? []
      : [
          `The journey starts on ${ir.trigger.event}, not ${input.entryEvent.type}; simulated as if the customer had entered.`,
        ];
  const result = await simulate(
    ir,
    {
      customer,
      entryEvent: input.entryEvent,
      events: input.events,
      startAt,
      journeyId: journey.id,
    },
    nodeRegistry,
  );
  const labels = labelsOf(journeyDocumentSchema.parse(document));
  return toSimulationView(result, { startAt, timeZone: customer.timeZone, labels, warnings });
}
