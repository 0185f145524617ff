import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import { LEDGER_RETRY, loyaltyOf, statusNow, statusOutput } from './loyalty-output';

/**
 * One-tap join: enrolls the customer in the loyalty programme. `already_member` lets a journey
 * skip the welcome for customers who had joined (enrolling twice keeps the first membership).
 */
export default defineNode({
  type: 'loyalty.enroll',
  version: 1,
  title: 'Enroll in loyalty',
  category: 'loyalty',
  icon: '🎟️',
  description:
    'Joins the customer to the loyalty programme in one tap; "already_member" when they had joined.',
  kind: 'action',
  ports: ['next', 'already_member'],
  config: z.object({}),
  example: {},
  async run(ctx) {
    const { created } = await loyaltyOf(ctx).enroll({
      idempotencyKey: ctx.idempotencyKey,
      at: ctx.now,
    });
    const status = await statusNow(ctx);
    return {
      port: created ? 'next' : 'already_member',
      output: statusOutput(status, ctx.customer.timeZone),
    };
  },
  retry: LEDGER_RETRY,
});
