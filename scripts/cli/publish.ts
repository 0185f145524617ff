import { createJourney, listJourneys, publishJourneyVersion, updateJourneyDraft } from '@yatra/db';
import { journeyDocumentSchema } from '@yatra/nodes';
import { parseCommandArgs } from './args';
import { openDatabase } from './database';
import { usage } from './help';
import { CliError, EXIT, type Io } from './io';
import { formatCompileErrors, loadJourney } from './journey-file';
import { describeFacts } from './validate';

/**
 * `publish <journey.json> [--name <name>] [--json]`: validate, save as the draft of the journey
 * with that name (created if none), publish a new live version. The worker's dispatcher reads
 * live versions, so new entrants get it at once.
 */
export async function publishCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs(
    'publish',
    argv,
    { name: { type: 'string' }, json: { type: 'boolean' } },
    1,
  );
  if (help) {
    io.out(usage);
    return EXIT.ok;
  }
  if (values.name !== undefined && values.name.trim() === '')
    throw new CliError('publish: --name cannot be empty', EXIT.usage);
  const { document, name, result } = loadJourney(positionals[0] ?? '', { name: values.name });
  if (!result.ok) {
    io.err(`✗ ${name} does not compile; nothing was published:`);
    for (const line of formatCompileErrors(result.errors)) io.err(`  ${line}`);
    return EXIT.invalid;
  }
  const { ir } = result;
  const { description } = journeyDocumentSchema.parse(document);
  if (!values.json) io.out(describeFacts(ir.name, ir.facts));

  const database = await openDatabase();
  try {
    const { db } = database;
    const sameName = (await listJourneys(db)).filter((j) => j.name === ir.name);
    if (sameName.length > 1) {
      throw new CliError(
        `${sameName.length} journeys are named "${ir.name}" (${sameName.map((j) => j.id).join(', ')}); ` +
          'rename one in the app, or publish with --name <a unique name>.',
      );
    }
    const existing = sameName[0];
    const journey = existing
      ? await updateJourneyDraft(db, existing.id, { description, graph: document })
      : await createJourney(db, { name: ir.name, description, graph: document });
    if (!journey)
      throw new CliError(`journey ${existing?.id ?? ''} disappeared while publishing; try again`);
    const version = await publishJourneyVersion(db, {
      journeyId: journey.id,
      graph: document,
      ir,
      triggerEvent: ir.trigger.event,
      publishedBy: 'cli',
    });
    const created = existing === undefined;
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            journeyId: journey.id,
            versionId: version.id,
            version: version.version,
            name: ir.name,
            created,
          },
          null,
          2,
        ),
      );
    } else {
      io.out(
        `✓ published "${ir.name}" version ${version.version} (${created ? 'new journey' : 'draft updated'})`,
      );
      io.out(`  journey id  ${journey.id}`);
      io.out(`  version id  ${version.id}`);
      io.out(`  database    ${database.source}`);
      io.out(
        `  live for new ${ir.trigger.event} events; customers already in earlier versions stay on theirs.`,
      );
    }
    return EXIT.ok;
  } finally {
    await database.close();
  }
}
