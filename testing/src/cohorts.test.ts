import { compile, postPurchase45 } from '@yatra/nodes';
import { describe, expect, it } from 'vitest';
import { customerIdTaking, portFor, type PublishedJourney } from './cohorts';

function published(journeyId: string): PublishedJourney {
  const result = compile(postPurchase45);
  if (!result.ok) throw new Error('the demo journey does not compile');
  return { journeyId, ir: result.ir };
}

describe('portFor / customerIdTaking', () => {
  const journey = published('0b7c9a52-3c1e-4f7e-9d54-1f2a3b4c5d6e');

  it('splits customers about 90/10 as the cross-sell split declares, and stably', () => {
    const ports = Array.from({ length: 2_000 }, (_, i) =>
      portFor(journey, 'cross_sell_split', `c-${i}`),
    );
    const treated = ports.filter((p) => p === 'treatment').length;
    expect(new Set(ports)).toEqual(new Set(['treatment', 'holdout']));
    expect(treated / ports.length).toBeGreaterThan(0.86);
    expect(treated / ports.length).toBeLessThan(0.94);
    expect(portFor(journey, 'cross_sell_split', 'c-7')).toBe(ports[7]);
  });

  it('finds an id for either arm, and the arm depends on the journey id', () => {
    const holdout = customerIdTaking(journey, 'cross_sell_split', 'holdout', 'priya');
    expect(holdout).toMatch(/^priya-\d+$/);
    expect(portFor(journey, 'cross_sell_split', holdout)).toBe('holdout');
    const other = published('5d0e6c1a-8f3b-4a2d-b7e9-0c1d2e3f4a5b');
    const arms = Array.from({ length: 200 }, (_, i) => `c-${i}`).filter(
      (id) => portFor(journey, 'cross_sell_split', id) !== portFor(other, 'cross_sell_split', id),
    );
    expect(arms.length).toBeGreaterThan(0);
  });

  it('refuses nodes that wait, act or do not exist, and arms nobody lands in', () => {
    expect(() => portFor(journey, 'day14', 'c-1')).toThrow(
      'node "day14" (flow.wait) waits or exits instead of choosing a port',
    );
    expect(() => portFor(journey, 'confirm', 'c-1')).toThrow('does not decide by itself');
    expect(() => portFor(journey, 'nope', 'c-1')).toThrow('the journey has no node "nope"');
    expect(() => customerIdTaking(journey, 'cross_sell_split', 'arm_c', 'x')).toThrow(
      'no customer id "x-N" leaves "cross_sell_split" through "arm_c"',
    );
  });
});
