import { describe, expect, it } from 'vitest';
import { parseFlags } from './flags';

const spec = {
  bench: 'demo',
  defaults: { sends: 10, warmup: 5 },
  flags: { '--sends': 'sends', '--warmup': 'warmup' } as const,
  usage: '[--sends N] [--warmup W]',
  min: { warmup: 0 },
};
const usageError = (flag: string) =>
  `demo bench: bad argument "${flag}". Usage: npm run bench -- demo [--sends N] [--warmup W]`;

describe('parseFlags', () => {
  it('keeps the defaults when no flag is given, without changing them', () => {
    const options = parseFlags([], spec);
    expect(options).toEqual({ sends: 10, warmup: 5 });
    options.sends = 1;
    expect(spec.defaults.sends).toBe(10);
  });

  it('sets each flag given, the last one winning', () => {
    expect(parseFlags(['--warmup', '0', '--sends', '7', '--sends', '8'], spec)).toEqual({
      sends: 8,
      warmup: 0,
    });
  });

  it.each([
    [['--sends', '0'], '--sends'],
    [['--sends', '1.5'], '--sends'],
    [['--sends', 'many'], '--sends'],
    [['--sends'], '--sends'],
    [['--warmup', '-1'], '--warmup'],
    [['--clients', '3'], '--clients'],
    [['toString', '3'], 'toString'],
    [['--sends', '3', 'extra'], 'extra'],
  ])('refuses %j naming the flag and the usage', (args, flag) => {
    expect(() => parseFlags(args, spec)).toThrow(usageError(flag));
  });
});
