import type { JourneyFacts } from '@yatra/nodes';
import { parseCommandArgs } from './args';
import { usage } from './help';
import { CliError, EXIT, type Io } from './io';
import { formatCompileErrors, loadJourney } from './journey-file';

/** One-line summary of a compiled journey's facts. */
export function describeFacts(name: string, facts: JourneyFacts): string {
  return `✓ ${name} compiles: ${facts.nodeCount} nodes, at most ${facts.maxMessagesPerCustomer} messages per customer, longest path ${facts.maxPathLength}`;
}

/** `validate <journey.json> [--json]`: compile and report; exit 1 when it does not compile. */
export function validateCommand(argv: string[], io: Io): number {
  const { values, positionals, help } = parseCommandArgs(
    'validate',
    argv,
    { json: { type: 'boolean' } },
    1,
  );
  if (help) {
    io.out(usage);
    return EXIT.ok;
  }
  const file = positionals[0] ?? '';
  let loaded;
  try {
    loaded = loadJourney(file);
  } catch (error) {
    // Broken JSON is still an answer a machine should get as JSON.
    if (!values.json || !(error instanceof CliError) || error.exitCode !== EXIT.invalid)
      throw error;
    io.out(
      JSON.stringify(
        { ok: false, errors: [{ code: 'document_invalid', message: error.message }], facts: null },
        null,
        2,
      ),
    );
    return EXIT.invalid;
  }
  const { name, result } = loaded;
  if (values.json) {
    io.out(
      JSON.stringify(
        { ok: result.ok, errors: result.errors, facts: result.ok ? result.ir.facts : null },
        null,
        2,
      ),
    );
    return result.ok ? EXIT.ok : EXIT.invalid;
  }
  if (result.ok) {
    io.out(describeFacts(name, result.ir.facts));
    return EXIT.ok;
  }
  io.out(
    `✗ ${name} does not compile (${result.errors.length} error${result.errors.length === 1 ? '' : 's'}):`,
  );
  for (const line of formatCompileErrors(result.errors)) io.out(`  ${line}`);
  return EXIT.invalid;
}
