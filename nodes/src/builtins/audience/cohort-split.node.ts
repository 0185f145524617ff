import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { evaluateCohortSplit } from './cohort-split.control';

const armId = z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _');

const config = z
  .discriminatedUnion('mode', [
    z.object({
      mode: z.literal('random'),
      arms: z
        .array(
          z.object({
            id: armId,
            label: z.string().optional(),
            percent: z.number().min(0).max(100),
          }),
        )
        .min(1),
      holdoutPercent: z
        .number()
        .min(0)
        .max(100)
        .default(0)
        .describe('Control group that gets nothing'),
    }),
    z.object({
      mode: z.literal('attribute'),
      field: z.string().min(1).describe('Dotted path, e.g. customer.language'),
      arms: z
        .array(
          z.object({
            id: armId,
            label: z.string().optional(),
            values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1),
          }),
        )
        .min(1),
    }),
  ])
  .superRefine((cfg, ctx) => {
    const ids = cfg.arms.map((a) => a.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['arms'], message: 'arm ids must be unique' });
    if (ids.includes('holdout') || ids.includes('other')) {
      ctx.addIssue({
        code: 'custom',
        path: ['arms'],
        message: '"holdout" and "other" are reserved port names',
      });
    }
    if (cfg.mode === 'random') {
      const total = cfg.arms.reduce((sum, a) => sum + a.percent, 0) + cfg.holdoutPercent;
      if (Math.abs(total - 100) > 1e-9) {
        ctx.addIssue({
          code: 'custom',
          path: ['arms'],
          message: `arms and holdout must add up to 100% (now ${total}%)`,
        });
      }
    }
  });

/**
 * Splits customers into cohorts: by an attribute's value, or at random by percentage with an
 * optional holdout. Random assignment hashes (journey, node, customer), so re-evaluating never
 * moves a customer between arms.
 */
export default defineNode({
  type: 'audience.cohort_split',
  version: 1,
  title: 'Cohort split',
  category: 'audience',
  icon: '🧩',
  description: 'Random A/B/n with holdout, or by attribute value (e.g. language).',
  kind: 'control',
  ports: (cfg) =>
    cfg.mode === 'random'
      ? [...cfg.arms.map((a) => a.id), ...(cfg.holdoutPercent > 0 ? ['holdout'] : [])]
      : [...cfg.arms.map((a) => a.id), 'other'],
  config,
  example: { mode: 'random', arms: [{ id: 'treatment', percent: 90 }], holdoutPercent: 10 },
  evaluate: evaluateCohortSplit,
});
