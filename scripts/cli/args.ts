import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, EXIT } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses one command's arguments strictly (unknown options are errors) and checks the number of
 * positionals. Every command also accepts `--help`.
 * @example const { values, positionals } = parseCommandArgs('validate', argv, { json: { type: 'boolean' } }, 1);
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  positionals: number,
) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(
      `${command}: ${(error as Error).message}\nRun \`npm run yatra -- help\` for usage.`,
      EXIT.usage,
    );
  }
  const help = 'help' in parsed.values && parsed.values.help === true;
  if (!help && parsed.positionals.length !== positionals) {
    const problem =
      parsed.positionals.length < positionals
        ? 'missing the journey file'
        : `unexpected argument "${parsed.positionals[positionals] ?? ''}"`;
    throw new CliError(
      `${command}: ${problem}\nRun \`npm run yatra -- help\` for usage.`,
      EXIT.usage,
    );
  }
  return { values: parsed.values, positionals: parsed.positionals, help };
}

/** A required string option, or a usage error naming it. */
export function requireOption(command: string, name: string, value: unknown): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new CliError(
    `${command}: --${name} <file> is required\nRun \`npm run yatra -- help\` for usage.`,
    EXIT.usage,
  );
}
