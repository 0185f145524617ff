import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Where a command writes: stdout for results, stderr for diagnostics. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Exit codes: 0 ok, 1 the input is invalid (or the work failed), 2 the command was misused. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** A problem to report plainly (no stack trace) with an exit code. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
  }
}

/** The path as the user typed it, or relative to the working directory. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file));
  return relative.startsWith('..') ? path.resolve(file) : relative;
}

/**
 * Reads and parses a JSON file. A missing file is misuse (exit 2); broken JSON is invalid input.
 * @example const doc = readJsonFile('examples/journeys/post-purchase-45.json', 'journey');
 */
export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${what} file not found: ${shown(file)}`, EXIT.usage);
    if (code === 'EISDIR')
      throw new CliError(`${what} file is a directory: ${shown(file)}`, EXIT.usage);
    throw new CliError(
      `cannot read ${what} file ${shown(file)}: ${(error as Error).message}`,
      EXIT.usage,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${shown(file)}: not valid JSON: ${(error as Error).message}`, EXIT.invalid);
  }
}
