import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { LEDGER_RETRY, statusNow, statusOutput } from './loyalty-output';

/** The port of a tier: its name in lower case, other characters as `_` ("Gold" → `gold`). */
export function tierPort(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const config = z
  .object({
    tiers: z
      .array(z.string().trim().min(1).max(40))
      .min(1)
      .max(10)
      .describe('Tier names, one port each (Bronze, Silver, Gold, Platinum); others go to "other"'),
  })
  .superRefine((cfg, ctx) => {
    const ports = cfg.tiers.map(tierPort);
    ports.forEach((port, i) => {
      if (port === '' || port === 'other') {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i],
          message: `"${cfg.tiers[i]}" cannot name a port: use letters or digits, not "other"`,
        });
      } else if (ports.indexOf(port) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i],
          message: `tier names must be unique: ${cfg.tiers[i]} appears twice`,
        });
      }
    });
  });

/**
 * One port per tier named in the config (as audience.cohort_split has one per arm), plus `other`
 * for a tier not listed or a programme without tiers. Names match case-insensitively.
 */
export default defineNode({
  type: 'loyalty.tier_branch',
  version: 1,
  title: 'Branch by tier',
  category: 'loyalty',
  icon: '🏅',
  description: 'Goes down the port of the customer\'s loyalty tier; "other" for unlisted tiers.',
  kind: 'action',
  ports: (cfg) => [...cfg.tiers.map(tierPort), 'other'],
  config,
  example: { tiers: ['Bronze', 'Silver', 'Gold', 'Platinum'] },
  async run(ctx, cfg) {
    const status = await statusNow(ctx);
    const held = status.tier === null ? undefined : tierPort(status.tier);
    const port = cfg.tiers.map(tierPort).find((p) => p === held) ?? 'other';
    return { port, output: statusOutput(status, ctx.customer.timeZone) };
  },
  retry: LEDGER_RETRY,
});
