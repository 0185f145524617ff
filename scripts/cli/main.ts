import { SetupError } from '../lib/errors';
import { usage } from './help';
import { CliError, EXIT, processIo, type Io } from './io';

type Command = (argv: string[], io: Io) => number | Promise<number>;

// Loaded on demand: validate and simulate never load the database client.
const commands = new Map<string, () => Promise<Command>>([
  ['validate', async () => (await import('./validate')).validateCommand],
  ['publish', async () => (await import('./publish')).publishCommand],
  ['simulate', async () => (await import('./simulate')).simulateCommand],
]);

/**
 * Runs one CLI invocation and returns its exit code; never throws.
 * @example process.exitCode = await main(['validate', 'examples/journeys/post-purchase-45.json']);
 */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(usage);
    return EXIT.ok;
  }
  const load = commands.get(command);
  if (!load) {
    io.err(
      `Unknown command "${command}". Commands: ${[...commands.keys()].join(', ')}, help.\nRun \`npm run yatra -- help\` for usage.`,
    );
    return EXIT.usage;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof SetupError) {
      io.err(error.message);
      return EXIT.invalid;
    }
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return EXIT.invalid;
  }
}
