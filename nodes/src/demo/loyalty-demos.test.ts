import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CustomerSnapshot } from '../contract/facts';
import type { SimulatedLoyaltySeed } from '../engine/simulated-loyalty';
import { simulate, type ScriptedEvent } from '../engine/simulate';
import { compile } from '../journey/compile';
import type { JourneyDocumentInput } from '../journey/document';
import { loyaltyBirthdayBonus } from './loyalty-birthday-bonus';
import { loyaltyDemoJourneys } from './loyalty-demos';
import { loyaltyEarnConfirmation } from './loyalty-earn-confirmation';
import { loyaltyExpiryWarning } from './loyalty-expiry-warning';
import { loyaltyRedeemAtCart } from './loyalty-redeem-at-cart';
import { loyaltyTierNudge } from './loyalty-tier-nudge';

// 2026-03-04T20:00Z is 5 Mar, 01:30 in India.
const ENTRY = '2026-03-04T20:00:00.000Z';

const asha = (loyalty?: SimulatedLoyaltySeed): CustomerSnapshot => ({
  id: 'cust_asha',
  name: 'Asha',
  language: 'en',
  timeZone: 'Asia/Kolkata',
  // What the CLI's customer.json and the canvas's Simulate panel can carry.
  attributes: loyalty ? { loyalty } : {},
});

async function run(
  doc: JourneyDocumentInput,
  entryEvent: { type: string; properties?: Record<string, unknown> },
  loyalty?: SimulatedLoyaltySeed,
  events: ScriptedEvent[] = [],
) {
  const compiled = compile(doc);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  return simulate(compiled.ir, {
    customer: asha(loyalty),
    entryEvent: {
      type: entryEvent.type,
      occurredAt: ENTRY,
      properties: entryEvent.properties ?? {},
    },
    events,
  });
}

const sent = (result: Awaited<ReturnType<typeof run>>) =>
  result.messages.map((m) => ({ templateId: m.templateId, variables: m.variables }));

describe('the loyalty demo journeys', () => {
  it.each(Object.entries(loyaltyDemoJourneys))(
    '%s compiles, sends only utility messages, and is examples/journeys/%s.json',
    (name, doc) => {
      const compiled = compile(doc);
      expect(compiled.errors).toEqual([]);
      for (const node of doc.nodes.filter((n) => n.type === 'message.send'))
        expect(node.config, node.id).toMatchObject({ category: 'utility' });
      const file = fileURLToPath(
        new URL(`../../../examples/journeys/${name}.json`, import.meta.url),
      );
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(doc)));
    },
  );
});

describe('earn confirmation', () => {
  const earned = { type: 'loyalty.points_earned', properties: { points: 80, balance: 1240 } };

  it('"you earned 80 points, balance 1,240", with the redeem hint from 500 points', async () => {
    const result = await run(loyaltyEarnConfirmation, earned, { balance: 1240 });
    expect(result.path).toEqual(['earned', 'balance', 'confirm_redeemable', 'end']);
    expect(sent(result)).toEqual([
      {
        templateId: 'loyalty_points_earned_redeemable',
        variables: { name: 'Asha', points: '80', balance: '1,240' },
      },
    ]);
  });

  it('a plain confirmation below 500 points', async () => {
    const result = await run(loyaltyEarnConfirmation, earned, { balance: 380 });
    expect(sent(result)).toEqual([
      {
        templateId: 'loyalty_points_earned',
        variables: { name: 'Asha', points: '80', balance: '380' },
      },
    ]);
  });
});

describe('tier progress nudge', () => {
  const earned = { type: 'loyalty.points_earned', properties: { points: 80 } };

  it('at ≥ 90% the next morning: "₹420 from Gold"', async () => {
    const result = await run(loyaltyTierNudge, earned, { tier: 'Silver', qualifyingValue: 14_580 });
    expect(sent(result)).toEqual([
      {
        templateId: 'loyalty_tier_almost_there',
        variables: { name: 'Asha', toNextTier: '₹420', nextTier: 'Gold' },
      },
    ]);
    // 6 Mar 11:00 IST
    expect(result.messages[0]?.at).toBe('2026-03-06T05:30:00.000Z');
  });

  it('at ≥ 70% a softer nudge with the progress', async () => {
    const result = await run(loyaltyTierNudge, earned, { tier: 'Silver', qualifyingValue: 11_000 });
    expect(sent(result)).toEqual([
      {
        templateId: 'loyalty_tier_progress',
        variables: { name: 'Asha', toNextTier: '₹4,000', nextTier: 'Gold', progress: '73%' },
      },
    ]);
  });

  it('nothing below 70%, nor at the top tier', async () => {
    const far = await run(loyaltyTierNudge, earned, { tier: 'Silver', qualifyingValue: 6_000 });
    expect(far.path).toEqual(['earned', 'next_morning', 'progress', 'end']);
    const top = await run(loyaltyTierNudge, earned, { tier: 'Platinum' });
    expect(top.messages).toEqual([]);
    expect(top.steps.find((s) => s.nodeId === 'progress')?.port).toBe('top_tier');
  });
});

describe('expiry warning', () => {
  const warning = { type: 'loyalty.points_expiring', properties: { points: 300, daysLeft: 14 } };

  it('says how many points expire and when', async () => {
    const result = await run(loyaltyExpiryWarning, warning, {
      balance: 1240,
      expiring: { points: 300, inDays: 14 },
    });
    expect(sent(result)).toEqual([
      {
        templateId: 'loyalty_points_expiring',
        variables: { name: 'Asha', points: '300', date: '19 Mar', balance: '1,240' },
      },
    ]);
  });

  it('says nothing when the points were spent since the warning was scheduled', async () => {
    const result = await run(loyaltyExpiryWarning, warning, { balance: 900 });
    expect(result.path).toEqual(['warning', 'expiring', 'end']);
    expect(result.messages).toEqual([]);
  });
});

describe('birthday bonus', () => {
  it('credits 200 points for 30 days and says so, joining a non-member', async () => {
    const result = await run(loyaltyBirthdayBonus, { type: 'loyalty.birthday' });
    expect(sent(result)).toEqual([
      {
        templateId: 'loyalty_birthday_bonus',
        variables: { name: 'Asha', points: '200', validTill: '4 Apr', balance: '200' },
      },
    ]);
  });

  it('adds to an existing balance', async () => {
    const result = await run(loyaltyBirthdayBonus, { type: 'loyalty.birthday' }, { balance: 1240 });
    expect(result.messages[0]?.variables.balance).toBe('1,440');
  });
});

describe('redeem at cart', () => {
  const eligible = {
    type: 'cart.redemption_eligible',
    properties: {
      points: 500,
      balance: 1240,
      option: { id: 'rs50-off', label: '₹50 off', points: 500 },
    },
  };
  const tap: ScriptedEvent = { type: 'cart.redemption_requested', day: 0.01 };

  it('offers, and one tap spends 500 points for ₹50 off', async () => {
    const result = await run(loyaltyRedeemAtCart, eligible, { balance: 1240 }, [tap]);
    expect(sent(result)).toEqual([
      {
        templateId: 'loyalty_redeem_offer',
        variables: { name: 'Asha', points: '500', reward: '₹50 off' },
      },
      {
        templateId: 'loyalty_redeem_applied',
        variables: { name: 'Asha', reward: '₹50 off', points: '500', balance: '740' },
      },
    ]);
  });

  it('spends nothing when the balance fell short before the tap', async () => {
    const result = await run(loyaltyRedeemAtCart, eligible, { balance: 300 }, [tap]);
    expect(result.path).toContain('short');
    expect(result.messages.at(-1)).toMatchObject({
      templateId: 'loyalty_redeem_insufficient',
      variables: { balance: '300' },
    });
  });

  it('without a tap the offer lapses after a day', async () => {
    const result = await run(loyaltyRedeemAtCart, eligible, { balance: 1240 });
    expect(result.path).toEqual(['eligible', 'offer', 'tap', 'end']);
    expect(result.messages).toHaveLength(1);
  });
});
