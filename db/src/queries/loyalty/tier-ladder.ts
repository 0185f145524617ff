// The tier ladder and redemption options as db/ sees them: plain interfaces structurally
// compatible with nodes/src/loyalty/program-config.ts (db/ must not import @yatra/nodes). The
// programme's JSON is validated at the edge with zod; here it is only narrowed, never trusted
// blindly, so a malformed row reads as "no tiers" instead of crashing the nightly job.
import { isRecord, optionalString } from '../parse';

export type TierMetric = 'spend' | 'orders' | 'visits';

/** One rung: `threshold` is whole ₹ for spend, a count for orders and visits (first rung 0). */
export interface TierLadderTier {
  name: string;
  metric: TierMetric;
  threshold: number;
  multiplier: number;
  perks?: unknown[];
}

/** A way to spend points (e.g. 500 points = ₹50 off). */
export interface RedemptionOptionLike {
  id: string;
  label?: string;
  points: number;
  kind?: string;
  valuePaise?: number;
  productSku?: string;
}

const METRICS: readonly string[] = ['spend', 'orders', 'visits'];

function isMetric(value: unknown): value is TierMetric {
  return typeof value === 'string' && METRICS.includes(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * The programme's tiers, lowest first, or [] when none (or the JSON is not a valid ladder: one
 * metric, first threshold 0, strictly increasing).
 */
export function readTierLadder(json: unknown): TierLadderTier[] {
  if (!Array.isArray(json)) return [];
  const ladder: TierLadderTier[] = [];
  for (const raw of json) {
    if (!isRecord(raw)) return [];
    const name = optionalString(raw.name);
    const { metric, threshold, multiplier } = raw;
    if (!name || !isMetric(metric) || !isFiniteNumber(threshold) || !isFiniteNumber(multiplier))
      return [];
    ladder.push({ name, metric, threshold, multiplier, perks: arrayOrEmpty(raw.perks) });
  }
  const valid = ladder.every(
    (t, i) =>
      t.metric === ladder[0]?.metric &&
      (i === 0 ? t.threshold === 0 : t.threshold > (ladder[i - 1]?.threshold ?? Infinity)),
  );
  return valid ? ladder : [];
}

/** The programme's redemption options that have a positive points price, cheapest first. */
export function readRedemptionOptions(json: unknown): RedemptionOptionLike[] {
  if (!Array.isArray(json)) return [];
  const options: RedemptionOptionLike[] = [];
  for (const raw of json) {
    if (!isRecord(raw)) continue;
    const id = optionalString(raw.id);
    if (!id || !isFiniteNumber(raw.points) || raw.points <= 0) continue;
    options.push({
      id,
      points: raw.points,
      label: optionalString(raw.label),
      kind: optionalString(raw.kind),
      valuePaise: isFiniteNumber(raw.valuePaise) ? raw.valuePaise : undefined,
      productSku: optionalString(raw.productSku),
    });
  }
  return options.sort((a, b) => a.points - b.points);
}

/** Index of the highest tier whose threshold `value` reaches (0 when below every other rung). */
export function qualifyingTierIndex(ladder: readonly TierLadderTier[], value: number): number {
  let index = 0;
  ladder.forEach((tier, i) => {
    if (value >= tier.threshold) index = i;
  });
  return index;
}

/** Index of a tier by name, or -1 (a member not yet given a tier of this ladder). */
export function tierIndexOf(ladder: readonly TierLadderTier[], name: string): number {
  return ladder.findIndex((t) => t.name === name);
}

function arrayOrEmpty(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
