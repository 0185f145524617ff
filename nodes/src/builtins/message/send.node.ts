import { z } from 'zod';
import { defineNode } from '../../contract/define-node';
import {
  QUIET_HOURS_ACTIONS,
  SEND_CATEGORIES,
  SEND_CHANNELS,
  SEND_PRIORITIES,
} from '../../sending/types';

/**
 * Sends a template message on a channel through the send rules (consent, WhatsApp window, quiet
 * hours, frequency cap — docs/sending.md). A send the rules defer waits durably and is tried
 * again; a skipped one goes on through `next` with the reason in its output.
 */
export default defineNode({
  type: 'message.send',
  version: 1,
  title: 'Send message',
  category: 'message',
  icon: '💬',
  description:
    'Sends a template on WhatsApp, email, SMS or push, after the send rules. Variables are templates over the run facts, e.g. {{customer.name}}.',
  kind: 'action',
  ports: ['next'],
  config: z.object({
    channel: z.enum(SEND_CHANNELS).default('whatsapp'),
    templateId: z.string().min(1).describe('Approved template id'),
    category: z.enum(SEND_CATEGORIES).default('utility'),
    variables: z.record(z.string(), z.string()).default({}),
    quietHours: z
      .enum(QUIET_HOURS_ACTIONS)
      .default('wait')
      .describe('Marketing in quiet hours: wait for them to end, or skip'),
    fallback: z
      .array(z.enum(SEND_CHANNELS))
      .max(3)
      .default([])
      .describe('Channels to try in order if this one cannot deliver (e.g. WhatsApp → SMS)'),
    // Empty counts as unset: the inspector leaves '' when the box is cleared.
    freeForm: z
      .string()
      .optional()
      .describe('WhatsApp text sent instead of the template inside the 24-hour reply window'),
    priority: z
      .enum(SEND_PRIORITIES)
      .default('normal')
      .describe('Frequency cap claim: low stops one marketing message earlier'),
  }),
  example: {
    channel: 'whatsapp',
    templateId: 'order_confirmation',
    variables: { name: '{{customer.name}}', orderId: '{{order.id}}' },
  },
  async run(ctx, cfg) {
    const variables = Object.fromEntries(
      Object.entries(cfg.variables).map(([key, template]) => [key, ctx.render(template)]),
    );
    const result = await ctx.channels.send({
      channel: cfg.channel,
      templateId: cfg.templateId,
      category: cfg.category,
      variables,
      quietHours: cfg.quietHours,
      fallback: cfg.fallback,
      priority: cfg.priority,
      ...(cfg.freeForm ? { freeForm: ctx.render(cfg.freeForm) } : {}),
    });
    const status = result.status ?? 'sent';
    const output = {
      status,
      channel: result.channel ?? cfg.channel,
      messageId: result.messageId,
      duplicate: status === 'sent' && !result.created,
      ...(result.rule ? { rule: result.rule } : {}),
      ...(result.reason ? { reason: result.reason } : {}),
    };
    // A deferred send runs again at retryAt with the same idempotency key (the run waits).
    if (status === 'deferred' && result.retryAt !== undefined)
      return { port: 'next', retryAt: result.retryAt, output };
    return { port: 'next', output };
  },
  retry: { maximumAttempts: 10, initialIntervalMs: 1000 },
});
