import { simulate } from '@yatra/nodes';
import { nodeRegistry } from '@yatra/worker/node-registry';
import { z } from 'zod';
import { parseCommandArgs, requireOption } from './args';
import { usage } from './help';
import { CliError, EXIT, shown, type Io } from './io';
import { formatCompileErrors, loadJourney } from './journey-file';
import { readCustomerFile, readEventsFile } from './simulation-input';
import { renderSimulation } from './simulation-table';

const DEFAULT_START = '2026-01-01T04:30:00.000Z';
const startSchema = z.iso.datetime({ offset: true });

/**
 * `simulate <journey.json> --customer <customer.json> --events <events.json> [--start <ISO>] [--journey-id <id>] [--json]`:
 * runs simulate() through the whole journey window and prints the steps (or the raw result).
 */
export async function simulateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs(
    'simulate',
    argv,
    {
      customer: { type: 'string' },
      events: { type: 'string' },
      start: { type: 'string' },
      'journey-id': { type: 'string' },
      json: { type: 'boolean' },
    },
    1,
  );
  if (help) {
    io.out(usage);
    return EXIT.ok;
  }
  const journeyFile = positionals[0] ?? '';
  const customerFile = requireOption('simulate', 'customer', values.customer);
  const eventsFile = requireOption('simulate', 'events', values.events);
  if (values.start !== undefined && !startSchema.safeParse(values.start).success) {
    throw new CliError(
      `simulate: --start ${JSON.stringify(values.start)} is not an ISO 8601 time with offset, e.g. 2026-01-05T10:30:00+05:30`,
      EXIT.usage,
    );
  }

  const { name, result } = loadJourney(journeyFile);
  const customer = readCustomerFile(customerFile);
  const { entryEvent, events } = readEventsFile(eventsFile);
  if (!result.ok) {
    io.err(`✗ ${name} does not compile, so it cannot be simulated:`);
    for (const line of formatCompileErrors(result.errors)) io.err(`  ${line}`);
    return EXIT.invalid;
  }
  const { ir } = result;
  if (entryEvent.type !== ir.trigger.event) {
    io.err(
      `warning: the entry event is ${entryEvent.type}, but "${name}" starts on ${ir.trigger.event}; simulating as if it had entered.`,
    );
  }

  const startAt = new Date(
    Date.parse(values.start ?? entryEvent.occurredAt ?? DEFAULT_START),
  ).toISOString();
  events.forEach((e, i) => {
    if (e.at !== undefined && Date.parse(e.at) < Date.parse(startAt)) {
      io.err(
        `warning: ${shown(eventsFile)}: [${i + 1}]: at ${e.at} is before entry (${startAt}); the simulation ignores it.`,
      );
    }
  });

  const simulation = await simulate(
    ir,
    {
      customer,
      entryEvent,
      events,
      startAt,
      journeyId: values['journey-id'],
    },
    nodeRegistry,
  );
  if (values.json) {
    io.out(JSON.stringify(simulation, null, 2));
    return EXIT.ok;
  }
  io.out(
    `Simulating "${name}" for ${customer.id}${customer.name ? ` (${customer.name})` : ''}: entry ${entryEvent.type} at ${startAt}, window ${ir.windowDays} days.\n`,
  );
  io.out(renderSimulation(simulation, { timeZone: customer.timeZone, startAt }));
  return EXIT.ok;
}
