import { z } from 'zod';
import { defineNode } from '../../contract/define-node';

/** Sends a template message on a channel (the sandbox outbox until real adapters are configured). */
export default defineNode({
  type: 'message.send',
  version: 1,
  title: 'Send message',
  category: 'message',
  icon: '💬',
  description:
    'Sends a template on WhatsApp, email, SMS or push. Variables are templates over the run facts, e.g. {{customer.name}}.',
  kind: 'action',
  ports: ['next'],
  config: z.object({
    channel: z.enum(['whatsapp', 'email', 'sms', 'push']).default('whatsapp'),
    templateId: z.string().min(1).describe('Approved template id'),
    category: z.enum(['utility', 'marketing', 'authentication']).default('utility'),
    variables: z.record(z.string(), z.string()).default({}),
  }),
  example: {
    channel: 'whatsapp',
    templateId: 'order_confirmation',
    variables: { name: '{{customer.name}}' },
  },
  async run(ctx, cfg) {
    const variables = Object.fromEntries(
      Object.entries(cfg.variables).map(([key, template]) => [key, ctx.render(template)]),
    );
    const sent = await ctx.channels.send({
      channel: cfg.channel,
      templateId: cfg.templateId,
      category: cfg.category,
      variables,
    });
    return { port: 'next', output: { messageId: sent.messageId, duplicate: !sent.created } };
  },
  retry: { maximumAttempts: 10, initialIntervalMs: 1000 },
});
