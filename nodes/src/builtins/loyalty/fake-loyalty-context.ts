// Test helper: a typed NodeContext whose loyalty service answers what the test says and records
// every call, so node tests check ports, outputs and the idempotency key each write used.
import type { NodeContext, NodeDefinition, NodeResult } from '../../contract/define-node';
import type { RunFacts } from '../../contract/facts';
import type {
  LoyaltyRedemption,
  LoyaltyService,
  LoyaltyStatus,
} from '../../contract/loyalty-service';
import { renderTemplate } from '../../contract/render-template';

/** A Silver member 97% of the way to Gold with 1,240 points, 300 of them expiring on 12 Mar. */
export const silverMember: LoyaltyStatus = {
  member: true,
  balance: 1240,
  tier: 'Silver',
  metric: 'spend',
  nextTier: { name: 'Gold', threshold: 15_000 },
  toNextTier: 420,
  progress: 14_580 / 15_000,
  expiring: { points: 300, at: new Date('2026-03-11T20:00:00.000Z') },
};

export const STEP_KEY = 'run-1:node-1:3';
export const NOW = new Date('2026-03-04T20:00:00.000Z'); // 5 Mar, 01:30 in India

type Call = {
  [M in keyof LoyaltyService]: { method: M; input: Parameters<LoyaltyService[M]>[0] };
}[keyof LoyaltyService];

export interface FakeLoyalty {
  status?: Partial<LoyaltyStatus>;
  /** What enroll answers (default: a new member). */
  enrolled?: boolean;
  /** What earnBonus answers for `created` (default true). */
  credited?: boolean;
  redemption?: LoyaltyRedemption;
}

/** A context for one step of customer Asha (Asia/Kolkata) with a scripted loyalty service. */
export function fakeLoyaltyContext(fake: FakeLoyalty = {}) {
  const calls: Call[] = [];
  const loyalty: LoyaltyService = {
    async enroll(input) {
      calls.push({ method: 'enroll', input });
      return { created: fake.enrolled ?? true };
    },
    async earnBonus(input) {
      calls.push({ method: 'earnBonus', input });
      const days = input.expiresInDays ?? 365;
      return {
        created: fake.credited ?? true,
        expiresAt: new Date(input.at.getTime() + days * 86_400_000),
      };
    },
    async redeem(input) {
      calls.push({ method: 'redeem', input });
      return fake.redemption ?? { ok: true, points: 500, created: true, option: null };
    },
    async getStatus(input) {
      calls.push({ method: 'getStatus', input });
      return { ...silverMember, ...fake.status };
    },
  };
  const facts: RunFacts = {
    customer: { id: 'c1', name: 'Asha', language: 'en', timeZone: 'Asia/Kolkata', attributes: {} },
    trigger: {
      type: 'cart.redemption_eligible',
      customerId: 'c1',
      occurredAt: NOW.toISOString(),
      properties: { option: { id: 'rs50-off' } },
    },
    order: {},
    event: null,
    eventCounts: {},
    outputs: {},
    journey: { id: 'j1', versionId: 'v1', runId: 'run-1', daysSinceEntry: 0 },
  };
  const ctx: NodeContext = {
    idempotencyKey: STEP_KEY,
    now: NOW,
    attempt: 1,
    run: { journeyId: 'j1', versionId: 'v1', runId: 'run-1', nodeId: 'node-1' },
    customer: facts.customer,
    facts,
    render: (template) => renderTemplate(template, facts),
    channels: {
      send: () => Promise.reject(new Error('loyalty nodes send nothing')),
    },
    logger: { info: () => undefined, warn: () => undefined },
    heartbeat: () => undefined,
    loyalty,
  };
  return { ctx, calls };
}

/** Runs an action node as the engine does: config parsed by the node's own schema first. */
export function runNode(
  def: NodeDefinition,
  ctx: NodeContext,
  config: unknown,
): Promise<NodeResult> {
  if (!def.run) throw new Error(`${def.type} is not an action node`);
  return def.run(ctx, def.config.parse(config));
}
