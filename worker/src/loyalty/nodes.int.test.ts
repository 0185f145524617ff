import { activityInfo } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProgram,
  earnPoints,
  getBalance,
  getLots,
  listEntries,
  upsertCustomer,
} from '@yatra/db';
import {
  DAY_MS,
  defaultRegistry,
  demoProgram,
  loyaltyDemoJourneys,
  programConfigSchema,
  type JourneyDocumentInput,
} from '@yatra/nodes';
import { createActivities, type JourneyActivities } from '../activities';
import { createSandboxChannel } from '../channels/sandbox-channel';
import { createJourneyTestEnv, type JourneyTestEnv } from '../testing/journey-test-env';
import { createLoyaltyNodeService } from './node-services';

// The loyalty nodes through the real worker: Temporal's time-skipping server runs the journeys,
// the activities write the real points ledger in PostgreSQL, and the sandbox outbox shows what
// the messages said.

/** A birthday gift that reports the new balance: earn_bonus → balance_check → send. */
const birthdayGift: JourneyDocumentInput = {
  name: 'Birthday gift',
  reentry: { policy: 'always' },
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'loyalty.birthday' } },
    {
      id: 'bonus',
      type: 'loyalty.earn_bonus',
      config: { points: 200, reason: 'birthday', expiresInDays: 30 },
    },
    { id: 'check', type: 'loyalty.balance_check', config: { threshold: 500 } },
    {
      id: 'can_redeem',
      type: 'message.send',
      config: {
        templateId: 'birthday_can_redeem',
        variables: {
          bonus: '{{outputs.bonus.bonusPoints}}',
          balance: '{{outputs.check.balance}}',
          validTill: '{{outputs.bonus.bonusExpiresOn}}',
        },
      },
    },
    {
      id: 'keep_going',
      type: 'message.send',
      config: { templateId: 'birthday', variables: { balance: '{{outputs.check.balance}}' } },
    },
    { id: 'end', type: 'flow.exit', config: {} },
  ],
  edges: [
    { source: 'start', target: 'bonus' },
    { source: 'bonus', target: 'check' },
    { source: 'check', sourcePort: 'at_least', target: 'can_redeem' },
    { source: 'check', sourcePort: 'below', target: 'keep_going' },
    { source: 'can_redeem', target: 'end' },
    { source: 'keep_going', target: 'end' },
  ],
};

/** The tap on "use 500 points = ₹50 off": enroll → redeem an option → what still expires. */
const redeemTap = (optionId: string): JourneyDocumentInput => ({
  name: `Redeem ${optionId}`,
  reentry: { policy: 'always' },
  nodes: [
    {
      id: 'start',
      type: 'trigger.event',
      config: {
        event: 'cart.redemption_requested',
        filters: [{ field: 'trigger.properties.optionId', op: 'eq', value: optionId }],
      },
    },
    { id: 'join', type: 'loyalty.enroll', config: {} },
    { id: 'redeem', type: 'loyalty.redeem', config: { mode: 'option', optionId } },
    { id: 'expiring', type: 'loyalty.points_expiring', config: { withinDays: 30 } },
    {
      id: 'applied',
      type: 'message.send',
      config: {
        templateId: 'redeemed',
        variables: {
          value: '{{outputs.redeem.value}}',
          balance: '{{outputs.redeem.balance}}',
          expiring: '{{outputs.expiring.expiringPoints}}',
          on: '{{outputs.expiring.expiringOn}}',
        },
      },
    },
    { id: 'short', type: 'message.send', config: { templateId: 'not_enough' } },
    { id: 'end', type: 'flow.exit', config: {} },
  ],
  edges: [
    { source: 'start', target: 'join' },
    { source: 'join', sourcePort: 'next', target: 'redeem' },
    { source: 'join', sourcePort: 'already_member', target: 'redeem' },
    { source: 'redeem', sourcePort: 'redeemed', target: 'expiring' },
    { source: 'redeem', sourcePort: 'insufficient', target: 'short' },
    { source: 'expiring', sourcePort: 'expiring', target: 'applied' },
    { source: 'expiring', sourcePort: 'none', target: 'applied' },
    { source: 'applied', target: 'end' },
    { source: 'short', target: 'end' },
  ],
});

/** Attempts of executeNode per node id, in order. */
const attempts: Record<string, number[]> = {};
let real: JourneyActivities | undefined;

/**
 * executeNode as the worker runs it, except that the birthday bonus's first attempt fails
 * after the node has run — as if the worker died between the ledger write and reporting it.
 */
const faultyExecuteNode: JourneyActivities['executeNode'] = async (input) => {
  real ??= createActivities({
    db: t.db,
    registry: defaultRegistry,
    channels: createSandboxChannel(t.db),
  });
  const { nodeId } = input.effect;
  const attempt = activityInfo().attempt;
  (attempts[nodeId] ??= []).push(attempt);
  const result = await real.executeNode(input);
  if (nodeId === 'bonus' && attempt === 1)
    throw new Error('injected fault: the worker died after the credit');
  return result;
};

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv({ overrides: { executeNode: faultyExecuteNode } });
  await createProgram(t.db, programConfigSchema.parse(demoProgram));
  await t.publish(birthdayGift);
  await t.publish(redeemTap('rs50-off'));
  for (const name of ['loyalty-earn-confirmation', 'loyalty-tier-nudge'] as const) {
    const document = loyaltyDemoJourneys[name];
    if (!document) throw new Error(`no demo journey ${name}`);
    await t.publish(document);
  }
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const customer = (id: string) =>
  upsertCustomer(t.db, { id, name: id, phone: '+919812345678', timeZone: 'Asia/Kolkata' });
/** An order's earn, straight into the ledger at the virtual now (optionally expiring sooner). */
async function orderEarn(
  customerId: string,
  orderId: string,
  points: number,
  expiresInDays?: number,
) {
  const now = await t.now();
  await earnPoints(t.db, {
    customerId,
    points,
    reason: 'order',
    orderId,
    idempotencyKey: `order:${orderId}:earn`,
    occurredAt: new Date(now),
    expiresAt: expiresInDays === undefined ? undefined : new Date(now + expiresInDays * DAY_MS),
  });
}
const messagesOf = async (customerId: string) =>
  (await t.messages(customerId)).map((m) => ({ templateId: m.templateId, variables: m.variables }));

describe('loyalty nodes in the worker', () => {
  it('a retried earn_bonus credits once, and the message shows the new balance', async () => {
    await customer('meera');
    await orderEarn('meera', 'm-1', 1040);
    await t.send({ type: 'loyalty.birthday', customerId: 'meera', properties: {} });

    expect(attempts.bonus).toEqual([1, 2]); // the fault forced a retry of the same step
    const [run] = await t.runs('meera');
    expect(run).toMatchObject({ status: 'completed' });
    const bonuses = (await listEntries(t.db, 'meera')).filter((e) => e.reason === 'birthday');
    expect(bonuses).toHaveLength(1);
    expect(bonuses[0]).toMatchObject({ kind: 'earn', points: 200 });
    expect(bonuses[0]?.idempotencyKey).toMatch(new RegExp(`^${run?.id}:bonus:\\d+$`));
    expect(await getBalance(t.db, 'meera', new Date(await t.now()))).toBe(1240);
    // The short-lived bonus lot expires 30 days after the credit.
    const lot = (await getLots(t.db, 'meera')).find((l) => l.earned === 200);
    expect(lot?.expiresAt.getTime()).toBe((bonuses[0]?.occurredAt.getTime() ?? 0) + 30 * DAY_MS);
    // The retry found the credit already made: its step says so.
    const bonusStep = (await t.steps(run?.id ?? '')).find((s) => s.nodeId === 'bonus');
    expect(bonusStep?.detail).toMatchObject({ output: { duplicate: true } });

    const [message] = await messagesOf('meera');
    expect(message).toEqual({
      templateId: 'birthday_can_redeem',
      variables: {
        bonus: '200',
        balance: '1,240',
        validTill: expect.stringMatching(/^\d{1,2} [A-Z][a-z]{2}$/),
      },
    });
  });

  it('redeem spends the soonest-expiring points, and points_expiring reports what is left', async () => {
    await customer('kabir');
    await orderEarn('kabir', 'k-1', 800, 20);
    await orderEarn('kabir', 'k-2', 400);
    await t.send({
      type: 'cart.redemption_requested',
      customerId: 'kabir',
      properties: { optionId: 'rs50-off' },
    });

    expect(await getBalance(t.db, 'kabir', new Date(await t.now()))).toBe(700);
    const [message] = await messagesOf('kabir');
    expect(message?.templateId).toBe('redeemed');
    expect(message?.variables).toMatchObject({ value: '₹50', balance: '700', expiring: '300' });
    expect(await t.runs('kabir')).toEqual([expect.objectContaining({ status: 'completed' })]);
    const join = (await t.steps((await t.runs('kabir'))[0]?.id ?? '')).find(
      (s) => s.nodeId === 'join',
    );
    expect(join?.port).toBe('already_member'); // the first earn enrolled them
  });

  it('an option the programme does not have is a non-retryable failure that spends nothing', async () => {
    await customer('dev');
    await orderEarn('dev', 'd-1', 5_000);
    const at = new Date(await t.now());
    const loyalty = createLoyaltyNodeService(t.db, 'dev');
    await expect(
      loyalty.redeem({ optionId: 'free-car', idempotencyKey: 'run:redeem:1', at }),
    ).rejects.toMatchObject({
      nonRetryable: true,
      message: 'unknown redemption option "free-car" (the programme has rs50-off, rs250-off)',
    });
    expect((await listEntries(t.db, 'dev')).map((e) => e.kind)).toEqual(['earn']);
  });

  it('enroll: a retry of the step that enrolled still says "new member"; a later step does not', async () => {
    await customer('nina');
    const at = new Date(await t.now());
    const loyalty = createLoyaltyNodeService(t.db, 'nina');
    expect(await loyalty.enroll({ idempotencyKey: 'r:join:1', at })).toEqual({ created: true });
    expect(await loyalty.enroll({ idempotencyKey: 'r:join:1', at })).toEqual({ created: true });
    const later = new Date(at.getTime() + DAY_MS);
    expect(await loyalty.enroll({ idempotencyKey: 'r2:join:1', at: later })).toEqual({
      created: false,
    });
    expect(await loyalty.getStatus({ asOf: later, expiringWithinDays: 30 })).toEqual({
      member: true,
      balance: 0,
      tier: 'Bronze',
      metric: 'spend',
      nextTier: { name: 'Silver', threshold: 5_000 },
      toNextTier: 5_000,
      progress: 0,
      expiring: { points: 0, at: null },
    });
  });

  it('the demo journeys: an order earns, "balance …" is confirmed, and a nudge says "₹420 from Gold"', async () => {
    await t.send({
      type: 'order.placed',
      customerId: 'isha',
      idempotencyKey: 'i-1-placed',
      properties: {
        orderId: 'i-1',
        total: 1_458_000, // ₹14,580: Silver, ₹420 short of Gold
        paymentMethod: 'prepaid',
        customer: { name: 'Isha', phone: '+919812345670', timeZone: 'Asia/Kolkata' },
      },
    });
    await t.send({
      type: 'order.delivered',
      customerId: 'isha',
      idempotencyKey: 'i-1-delivered',
      properties: { orderId: 'i-1' },
    });
    const balance = await getBalance(t.db, 'isha', new Date(await t.now()));
    const earned = (await listEntries(t.db, 'isha')).find((e) => e.kind === 'earn');
    expect(balance).toBeGreaterThan(500);
    await t.finishAll();

    const messages = await messagesOf('isha');
    expect(messages).toEqual([
      {
        templateId: 'loyalty_points_earned_redeemable',
        variables: {
          name: 'Isha',
          points: String(earned?.points),
          balance: new Intl.NumberFormat('en-IN').format(balance),
        },
      },
      {
        templateId: 'loyalty_tier_almost_there',
        variables: { name: 'Isha', toNextTier: '₹420', nextTier: 'Gold' },
      },
    ]);
  });
});
