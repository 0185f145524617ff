import { describe, expect, it } from 'vitest';
import { demoProgram, programConfigSchema } from '@yatra/nodes/loyalty/program-config';
import { configToDraft, draftToConfig, newOption, nextTier } from './program-draft';

describe('programme form draft', () => {
  it('round-trips the demo programme through the form model unchanged', () => {
    const parsed = programConfigSchema.parse(draftToConfig(configToDraft(demoProgram)));
    expect(parsed).toEqual(programConfigSchema.parse(demoProgram));
  });

  it('turns what was typed into the contract input, so zod names the field at fault', () => {
    const draft = configToDraft(demoProgram);
    draft.tiers.push({ ...nextTier(draft.tiers), name: 'Diamond', threshold: '100' });
    draft.redemptionOptions.push({ ...newOption(), id: 'tote', label: 'Tote', points: '900' });
    draft.expiryDays = '';
    const result = programConfigSchema.safeParse(draftToConfig(draft));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['redemptionOptions.2.valuePaise', 'a discount needs its value'],
      [
        'tiers.4.threshold',
        'the tier ladder must increase: Diamond (100) must be above Platinum (40000)',
      ],
    ]);
    // An empty optional number takes the schema default rather than failing.
    expect(result.error?.issues.some((i) => i.path[0] === 'expiryDays')).toBe(false);
  });

  it('stores a discount typed in rupees as paise and proposes a higher next rung', () => {
    const draft = configToDraft(demoProgram);
    const first = draft.redemptionOptions[0];
    if (first) first.valueRupees = '49.5';
    const config = programConfigSchema.parse(draftToConfig(draft));
    expect(config.redemptionOptions[0]?.valuePaise).toBe(4_950);
    expect(nextTier(draft.tiers)).toMatchObject({
      metric: 'spend',
      threshold: '80000',
      multiplier: '3',
    });
    expect(nextTier([])).toMatchObject({ threshold: '0' });
  });
});
