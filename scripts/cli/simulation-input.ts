import { z } from 'zod';
import { eventInputSchema, type CustomerSnapshot, type ScriptedEvent } from '@yatra/nodes';
import { simulatedCustomerSchema } from '@yatra/nodes/engine/simulated-customer';
import { CliError, EXIT, readJsonFile, shown } from './io';

const isoInstant = z.iso.datetime({
  offset: true,
  error: 'an ISO 8601 time with offset, e.g. 2026-01-05T10:30:00+05:30',
});
const properties = z
  .record(z.string(), z.unknown(), { error: 'an object of event properties' })
  .default({});

/** customer.json: the snapshot a run enters with (the same schema the Simulate panel uses). */
export const customerFileSchema = simulatedCustomerSchema;

/** The first element of events.json: the event that makes the customer enter. */
export const entryEventFileSchema = z.strictObject({
  type: z.string({ error: 'an event type like order.placed is required' }).min(1),
  properties,
  at: isoInstant.optional(),
});

/** Every later element: an event at `day` days after entry, or at an absolute time. */
export const laterEventFileSchema = z
  .strictObject({
    type: z.string({ error: 'an event type like order.delivered is required' }).min(1),
    properties,
    day: z.number().min(0, 'day counts from entry and cannot be negative').optional(),
    at: isoInstant.optional(),
  })
  .refine((e) => e.day === undefined || e.at === undefined, {
    error: 'give either day or at, not both',
  })
  .refine((e) => e.day !== undefined || e.at !== undefined, {
    error: 'give day (days after entry) or at (ISO time)',
  });

export interface SimulationFiles {
  customer: CustomerSnapshot;
  entryEvent: { type: string; properties: Record<string, unknown>; occurredAt?: string };
  events: ScriptedEvent[];
}

/** `[1].properties.total`, `timeZone`, or `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  const text = path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('');
  return text.startsWith('.') ? text.slice(1) : text || '(root)';
}

interface Problem {
  path: PropertyKey[];
  message: string;
}

function issuesOf(error: z.ZodError, base: PropertyKey[] = []): Problem[] {
  return error.issues.map((issue) => ({ path: [...base, ...issue.path], message: issue.message }));
}

/** The same property rules `POST /api/events` applies (order events name their order, …). */
function apiProblems(type: string, props: Record<string, unknown>, base: PropertyKey[]): Problem[] {
  const result = eventInputSchema.safeParse({ type, customerId: 'simulated', properties: props });
  return result.success ? [] : issuesOf(result.error, base);
}

function fail(file: string, what: string, problems: Problem[]): never {
  const lines = problems.map((p) => `  ${shown(file)}: ${formatPath(p.path)}: ${p.message}`);
  throw new CliError(
    `invalid ${what} file (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    EXIT.invalid,
  );
}

/** Reads and checks customer.json. */
export function readCustomerFile(file: string): CustomerSnapshot {
  const parsed = customerFileSchema.safeParse(readJsonFile(file, 'customer'));
  if (!parsed.success) fail(file, 'customer', issuesOf(parsed.error));
  return parsed.data;
}

/** Reads and checks events.json: the entry event first, then the scripted events. */
export function readEventsFile(file: string): Pick<SimulationFiles, 'entryEvent' | 'events'> {
  const raw = readJsonFile(file, 'events');
  if (!Array.isArray(raw) || raw.length === 0) {
    fail(file, 'events', [
      {
        path: [],
        message:
          'expected a list whose first element is the entry event, e.g. [{ "type": "order.placed", "properties": { … } }]',
      },
    ]);
  }
  const problems: Problem[] = [];
  const entry = entryEventFileSchema.safeParse(raw[0]);
  if (entry.success) problems.push(...apiProblems(entry.data.type, entry.data.properties, [0]));
  else problems.push(...issuesOf(entry.error, [0]));
  const events: ScriptedEvent[] = [];
  raw.slice(1).forEach((item: unknown, i) => {
    const parsed = laterEventFileSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...issuesOf(parsed.error, [i + 1]));
      return;
    }
    problems.push(...apiProblems(parsed.data.type, parsed.data.properties, [i + 1]));
    events.push(parsed.data);
  });
  if (problems.length > 0 || !entry.success) fail(file, 'events', problems);
  return {
    entryEvent: {
      type: entry.data.type,
      properties: entry.data.properties,
      occurredAt: entry.data.at,
    },
    events,
  };
}
