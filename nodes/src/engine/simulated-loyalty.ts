// The simulator's loyalty ledger: an in-memory member seeded from the simulation input, so
// `simulate` and the canvas's Simulate panel can run loyalty journeys with no database. It keeps
// the ledger's rules that journeys can observe — lots with their own expiry, the soonest-expiring
// spent first, no overdraw, one effect per idempotency key — and nothing else.
import { z } from 'zod';
import { DAY_MS } from '../contract/durations';
import type { LoyaltyRedemption, LoyaltyService, LoyaltyStatus } from '../contract/loyalty-service';
import { demoProgram, programConfigSchema, type ProgramConfig } from '../loyalty/program-config';

/**
 * Where the simulated customer stands at entry. In a simulation request it goes in
 * `customer.attributes.loyalty` (or `SimulationInput.loyalty`).
 * @example { balance: 1240, tier: 'Silver', qualifyingValue: 14580, expiring: { points: 300, inDays: 12 } }
 */
export const simulatedLoyaltySeedSchema = z
  .strictObject({
    member: z.boolean().default(true),
    balance: z.number().int().min(0).default(0),
    /** The tier held; default: the tier `qualifyingValue` reaches. */
    tier: z.string().min(1).optional(),
    /** Rolling 12-month value in the ladder's units (whole ₹ of spend); default: the tier's threshold. */
    qualifyingValue: z.number().min(0).optional(),
    /** Part of the balance in a lot that expires `inDays` after entry. */
    expiring: z
      .strictObject({
        points: z.number().int().positive(),
        inDays: z.number().positive().max(3650),
      })
      .optional(),
    /** The programme; default: the demo programme (Bronze → Platinum, 500 points = ₹50). */
    program: programConfigSchema.optional(),
  })
  .superRefine((seed, ctx) => {
    if (seed.expiring && seed.expiring.points > seed.balance) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiring', 'points'],
        message: `expiring points are part of the balance: at most ${seed.balance}`,
      });
    }
    const tiers = (seed.program ?? programConfigSchema.parse(demoProgram)).tiers;
    if (seed.tier && !tiers.some((t) => sameName(t.name, seed.tier ?? ''))) {
      ctx.addIssue({
        code: 'custom',
        path: ['tier'],
        message: `unknown tier ${seed.tier}; the programme has ${tiers.map((t) => t.name).join(', ')}`,
      });
    }
  });
export type SimulatedLoyaltySeed = z.input<typeof simulatedLoyaltySeedSchema>;

interface Lot {
  remaining: number;
  earnedAt: number;
  expiresAt: number;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The seed, parsed; throws naming the bad field (`loyalty.expiring.points: …`). */
function parseSeed(seed: unknown) {
  const parsed = simulatedLoyaltySeedSchema.safeParse(seed ?? { member: false });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map(
    (i) => `${['loyalty', ...i.path.map(String)].join('.')}: ${i.message}`,
  );
  throw new Error(`The simulated loyalty member is invalid: ${issues.join('; ')}`);
}

/**
 * A loyalty service for one simulated customer entering at `startMs`. Without a seed the
 * customer is not a member yet (a bonus or enroll node makes them one). The seed is read when a
 * loyalty node first asks, so a journey without one never trips over an unrelated attribute.
 * @example const loyalty = createSimulatedLoyalty({ balance: 1240, tier: 'Silver' }, Date.now());
 */
export function createSimulatedLoyalty(seed: unknown, startMs: number): LoyaltyService {
  let ledger: LoyaltyService | undefined;
  const open = () => (ledger ??= openLedger(seed, startMs));
  return {
    enroll: async (input) => open().enroll(input),
    earnBonus: async (input) => open().earnBonus(input),
    redeem: async (input) => open().redeem(input),
    getStatus: async (input) => open().getStatus(input),
  };
}

function openLedger(seed: unknown, startMs: number): LoyaltyService {
  const s = parseSeed(seed);
  const program: ProgramConfig = s.program ?? programConfigSchema.parse(demoProgram);
  const ladder = program.tiers;
  const heldIndex = s.tier ? ladder.findIndex((t) => sameName(t.name, s.tier ?? '')) : -1;
  const qualifyingValue = s.qualifyingValue ?? ladder[Math.max(0, heldIndex)]?.threshold ?? 0;
  const reached = ladder.reduce((best, t, i) => (qualifyingValue >= t.threshold ? i : best), 0);
  const tierIndex = heldIndex >= 0 ? heldIndex : reached;

  let member = s.member;
  const lots: Lot[] = [];
  const lot = (points: number, earnedAt: number, expiresAt: number) => {
    if (points > 0) lots.push({ remaining: points, earnedAt, expiresAt });
  };
  const soon = s.expiring?.points ?? 0;
  lot(soon, startMs, startMs + (s.expiring?.inDays ?? 0) * DAY_MS);
  lot(s.balance - soon, startMs, startMs + program.expiryDays * DAY_MS);

  const live = (at: number) =>
    lots
      .filter((l) => l.remaining > 0 && l.earnedAt <= at && at < l.expiresAt)
      .sort((a, b) => a.expiresAt - b.expiresAt || a.earnedAt - b.earnedAt);
  const balanceAt = (at: number) => live(at).reduce((sum, l) => sum + l.remaining, 0);
  const enrolledBy = new Set<string>();
  const credits = new Map<string, { created: boolean; expiresAt: Date }>();
  const redemptions = new Map<string, Extract<LoyaltyRedemption, { ok: true }>>();

  return {
    async enroll({ idempotencyKey }) {
      const created = !member || enrolledBy.has(idempotencyKey);
      if (created) enrolledBy.add(idempotencyKey);
      member = true;
      return { created };
    },
    async earnBonus(input) {
      const done = credits.get(input.idempotencyKey);
      if (done) return { ...done, created: false };
      const at = input.at.getTime();
      const expiresAt = at + (input.expiresInDays ?? program.expiryDays) * DAY_MS;
      lot(input.points, at, expiresAt);
      member = true;
      const result = { created: true, expiresAt: new Date(expiresAt) };
      credits.set(input.idempotencyKey, result);
      return result;
    },
    async redeem(input) {
      const done = redemptions.get(input.idempotencyKey);
      if (done) return { ...done, created: false };
      const option =
        'optionId' in input
          ? program.redemptionOptions.find((o) => o.id === input.optionId)
          : undefined;
      if ('optionId' in input && !option) {
        const ids = program.redemptionOptions.map((o) => o.id).join(', ') || 'none';
        throw new Error(`unknown redemption option "${input.optionId}" (the programme has ${ids})`);
      }
      const points = option ? option.points : 'points' in input ? input.points : 0;
      const at = input.at.getTime();
      const balance = balanceAt(at);
      // A refused redemption burns no key, as in the ledger: a later retry may succeed.
      if (balance < points)
        return { ok: false, reason: 'insufficient-points', balance, requested: points };
      let owed = points;
      for (const l of live(at)) {
        const take = Math.min(l.remaining, owed);
        l.remaining -= take;
        owed -= take;
      }
      const result: Extract<LoyaltyRedemption, { ok: true }> = {
        ok: true,
        points,
        created: true,
        option: option
          ? {
              id: option.id,
              label: option.label,
              points: option.points,
              valuePaise: option.valuePaise,
            }
          : null,
      };
      redemptions.set(input.idempotencyKey, result);
      return result;
    },
    async getStatus({ asOf, expiringWithinDays }): Promise<LoyaltyStatus> {
      const at = asOf.getTime();
      const horizon = at + expiringWithinDays * DAY_MS;
      const due = live(at).filter((l) => l.expiresAt <= horizon);
      const tier = ladder[tierIndex];
      const next = ladder[tierIndex + 1];
      return {
        member,
        balance: balanceAt(at),
        tier: tier?.name ?? null,
        metric: tier?.metric ?? null,
        nextTier: next ? { name: next.name, threshold: next.threshold } : null,
        toNextTier: next ? Math.max(0, next.threshold - qualifyingValue) : 0,
        progress: next ? Math.min(1, qualifyingValue / next.threshold) : 1,
        expiring: {
          points: due.reduce((sum, l) => sum + l.remaining, 0),
          at: due[0] ? new Date(due[0].expiresAt) : null,
        },
      };
    },
  };
}
