import { describe, expect, it } from 'vitest';
import { demoProgram, programConfigSchema, type ProgramConfigInput } from './program-config';

/** A copy of the demo programme with `edit` applied. */
function demo(edit: (p: ProgramConfigInput) => void = () => {}): ProgramConfigInput {
  const program = structuredClone(demoProgram);
  edit(program);
  return program;
}

/** The issues of a refused programme as `path: message` pairs (paths dotted like the API's). */
function issues(input: unknown): Array<{ path: string; message: string }> {
  const result = programConfigSchema.safeParse(input);
  if (result.success) throw new Error('expected the programme to be refused');
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function tier(p: ProgramConfigInput, i: number) {
  const t = p.tiers[i];
  if (!t) throw new Error(`the demo has no tier ${i}`);
  return t;
}

describe('programConfigSchema', () => {
  it('accepts the demo programme and fills defaults', () => {
    const parsed = programConfigSchema.parse(demoProgram);
    expect(parsed.tiers.map((t) => t.name)).toEqual(['Bronze', 'Silver', 'Gold', 'Platinum']);
    expect(parsed.tiers.map((t) => t.multiplier)).toEqual([1, 1.5, 2, 3]);
    // 500 points = ₹50: the first redemption option agrees with the point value.
    const [first] = parsed.redemptionOptions;
    expect(first && first.points * parsed.pointValuePaise).toBe(first?.valuePaise);

    const minimal = programConfigSchema.parse({
      name: 'Minimal',
      tiers: [{ name: 'Member', metric: 'orders', threshold: 0, multiplier: 1 }],
    });
    expect(minimal).toMatchObject({
      pointsPer100Rupees: 10,
      earnOnEvent: 'order.delivered',
      expiryDays: 365,
      pointValuePaise: 10,
      redemptionOptions: [],
    });
    expect(minimal.tiers[0]?.perks).toEqual([]);
  });

  it('refuses a ladder that does not increase, naming the tier and both thresholds', () => {
    expect(issues(demo((p) => (tier(p, 2).threshold = 5_000)))).toEqual([
      {
        path: 'tiers.2.threshold',
        message: 'the tier ladder must increase: Gold (5000) must be above Silver (5000)',
      },
    ]);
    expect(issues(demo((p) => (tier(p, 3).threshold = 1_000)))).toEqual([
      {
        path: 'tiers.3.threshold',
        message: 'the tier ladder must increase: Platinum (1000) must be above Gold (15000)',
      },
    ]);
  });

  it('refuses a first tier that does not start at 0', () => {
    expect(issues(demo((p) => (tier(p, 0).threshold = 100)))).toEqual([
      {
        path: 'tiers.0.threshold',
        message: 'the first tier (Bronze) is where every member starts: its threshold must be 0',
      },
    ]);
  });

  it('refuses tiers that qualify on different metrics', () => {
    expect(issues(demo((p) => (tier(p, 1).metric = 'orders')))).toEqual([
      {
        path: 'tiers.1.metric',
        message: 'every tier must qualify on the same metric (spend); Silver uses orders',
      },
    ]);
  });

  it('refuses a higher tier that earns less', () => {
    expect(issues(demo((p) => (tier(p, 2).multiplier = 1.2)))).toEqual([
      {
        path: 'tiers.2.multiplier',
        message: 'a higher tier cannot earn less: Gold ×1.2 is below Silver ×1.5',
      },
    ]);
  });

  it('refuses duplicate tier names (case-insensitively) and duplicate redemption ids', () => {
    expect(issues(demo((p) => (tier(p, 2).name = 'silver')))).toEqual([
      { path: 'tiers.2.name', message: 'tier names must be unique: silver appears twice' },
    ]);
    const sameId = demo((p) => {
      const second = p.redemptionOptions?.[1];
      if (second) second.id = 'rs50-off';
    });
    expect(issues(sameId)).toEqual([
      {
        path: 'redemptionOptions.1.id',
        message: 'redemption option ids must be unique: rs50-off appears twice',
      },
    ]);
  });

  it('refuses a discount without its value and a free product without its SKU', () => {
    const noValue = demo((p) => {
      const first = p.redemptionOptions?.[0];
      if (first) delete first.valuePaise;
    });
    expect(issues(noValue)).toEqual([
      { path: 'redemptionOptions.0.valuePaise', message: 'a discount needs its value' },
    ]);
    const noSku = demo((p) =>
      p.redemptionOptions?.push({
        id: 'serum',
        label: 'Free serum',
        points: 3_000,
        kind: 'product',
      }),
    );
    expect(issues(noSku)).toEqual([
      { path: 'redemptionOptions.2.productSku', message: 'a free product needs its SKU' },
    ]);
  });

  it('refuses malformed fields with their path', () => {
    const paths = issues(
      demo((p) => {
        p.expiryDays = 0;
        p.pointValuePaise = 2.5;
        p.tiers = [];
      }),
    ).map((i) => i.path);
    expect(paths).toEqual(['expiryDays', 'pointValuePaise', 'tiers']);
  });
});
