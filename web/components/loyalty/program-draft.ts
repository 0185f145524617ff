// The programme form's model: what the inputs hold (text, as typed) and its conversion to the
// shared contract's input, which programConfigSchema then validates. Kept pure for unit tests.
import type {
  PERK_KINDS,
  ProgramConfigInput,
  TierMetric,
} from '@yatra/nodes/loyalty/program-config';

export type PerkKind = (typeof PERK_KINDS)[number];

export interface TierDraft {
  name: string;
  metric: TierMetric;
  threshold: string;
  multiplier: string;
  perks: Array<{ kind: PerkKind; description: string }>;
}

export interface OptionDraft {
  id: string;
  label: string;
  points: string;
  kind: 'discount' | 'product';
  /** ₹ off, as typed (stored as paise). */
  valueRupees: string;
  productSku: string;
}

export interface ProgramDraft {
  name: string;
  pointsPer100Rupees: string;
  earnOnEvent: 'order.delivered' | 'order.placed';
  expiryDays: string;
  pointValuePaise: string;
  tiers: TierDraft[];
  redemptionOptions: OptionDraft[];
}

/** "" → undefined (the schema names the missing field), anything else → a number (maybe NaN). */
function num(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

function text(value: string): string | undefined {
  return value.trim() === '' ? undefined : value.trim();
}

/** The draft as the contract's input (programConfigSchema validates it). */
export function draftToConfig(d: ProgramDraft): unknown {
  return {
    name: d.name,
    pointsPer100Rupees: num(d.pointsPer100Rupees),
    earnOnEvent: d.earnOnEvent,
    expiryDays: num(d.expiryDays),
    pointValuePaise: num(d.pointValuePaise),
    tiers: d.tiers.map((t) => ({
      name: t.name,
      metric: t.metric,
      threshold: num(t.threshold),
      multiplier: num(t.multiplier),
      perks: t.perks,
    })),
    redemptionOptions: d.redemptionOptions.map((o) => {
      const rupees = num(o.valueRupees);
      return {
        id: o.id.trim(),
        label: o.label,
        points: num(o.points),
        kind: o.kind,
        valuePaise:
          o.kind === 'discount' && rupees !== undefined ? Math.round(rupees * 100) : undefined,
        productSku: o.kind === 'product' ? text(o.productSku) : undefined,
      };
    }),
  };
}

const str = (n: number | undefined) => (n === undefined ? '' : String(n));

/** A saved (or demo) programme as the form's draft. */
export function configToDraft(c: ProgramConfigInput): ProgramDraft {
  return {
    name: c.name,
    pointsPer100Rupees: str(c.pointsPer100Rupees ?? 10),
    earnOnEvent: c.earnOnEvent ?? 'order.delivered',
    expiryDays: str(c.expiryDays ?? 365),
    pointValuePaise: str(c.pointValuePaise ?? 10),
    tiers: c.tiers.map((t) => ({
      name: t.name,
      metric: t.metric,
      threshold: str(t.threshold),
      multiplier: str(t.multiplier),
      perks: (t.perks ?? []).map((p) => ({ kind: p.kind, description: p.description })),
    })),
    redemptionOptions: (c.redemptionOptions ?? []).map((o) => ({
      id: o.id,
      label: o.label,
      points: str(o.points),
      kind: o.kind,
      valueRupees: o.valuePaise === undefined ? '' : String(o.valuePaise / 100),
      productSku: o.productSku ?? '',
    })),
  };
}

/** A new rung above the last one: same metric, a higher threshold and multiplier to edit. */
export function nextTier(tiers: TierDraft[]): TierDraft {
  const last = tiers.at(-1);
  const threshold = last ? (Number(last.threshold) || 0) * 2 || 1_000 : 0;
  return {
    name: '',
    metric: last?.metric ?? 'spend',
    threshold: String(threshold),
    multiplier: last?.multiplier ?? '1',
    perks: [],
  };
}

export function newOption(): OptionDraft {
  return { id: '', label: '', points: '', kind: 'discount', valueRupees: '', productSku: '' };
}
