import { SetupError } from '../../scripts/lib/errors';

export interface FlagSpec<O extends Record<string, number>> {
  /** The bench's name, as typed after `npm run bench --`. */
  bench: string;
  defaults: O;
  /** Flag as typed (`--naive-lookups`) → the option it sets. */
  flags: Record<string, keyof O>;
  /** The flags part of the usage line, e.g. `[--sends N] (whole numbers ≥ 1)`. */
  usage: string;
  /** The smallest value an option takes; 1 unless named here. */
  min?: Partial<Record<keyof O, number>>;
}

/**
 * `--flag N` pairs over the defaults, each a whole number ≥ its minimum. An unknown flag, a
 * missing value or a bad one stops the bench with the usage line, before anything starts.
 */
export function parseFlags<O extends Record<string, number>>(
  args: readonly string[],
  { bench, defaults, flags, usage, min = {} }: FlagSpec<O>,
): O {
  const options = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const key = Object.hasOwn(flags, flag) ? flags[flag] : undefined;
    const value = Number(args[i + 1]);
    if (key === undefined || !Number.isInteger(value) || value < (min[key] ?? 1)) {
      throw new SetupError(
        `${bench} bench: bad argument "${flag}". Usage: npm run bench -- ${bench} ${usage}`,
      );
    }
    options[key] = value as O[keyof O];
  }
  return options;
}
