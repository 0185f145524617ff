/**
 * A problem the user fixes outside the code (a missing tool, a busy port). Entry points print
 * its message alone, without a stack trace, and exit non-zero.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** Prints an error the way the entry points do: SetupError plainly, anything else with its stack. */
export function describeError(error: unknown): string {
  if (error instanceof SetupError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
