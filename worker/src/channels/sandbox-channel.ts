import { insertMessageOnce, type Db } from '@yatra/db';
import { renderTemplate } from '@yatra/nodes';
import type { ChannelProvider } from './channel-provider';

/** Recipient address for a channel from the customer snapshot. */
function recipientFor(
  channel: string,
  customer: { phone?: string | null; email?: string | null; id: string },
) {
  if (channel === 'email') return customer.email ?? null;
  if (channel === 'push') return customer.id;
  return customer.phone ?? null;
}

/**
 * The embedded default provider: "sends" by writing the outbox (messages table), once per
 * idempotency key. Real adapters (WhatsApp Cloud API, SMTP, SMS) plug in behind the same interface.
 */
export function createSandboxChannel(db: Db): ChannelProvider {
  return {
    forStep: ({ idempotencyKey, state, nodeId, at }) => ({
      async send(message) {
        const { customer } = state.facts;
        const preview = Object.entries(message.variables)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ');
        const { message: row, created } = await insertMessageOnce(db, {
          idempotencyKey: `${idempotencyKey}:${message.channel}`,
          runId: state.run.runId,
          journeyId: state.run.journeyId,
          nodeId,
          customerId: customer.id,
          channel: message.channel,
          templateId: message.templateId,
          category: message.category,
          recipient: recipientFor(message.channel, customer),
          variables: message.variables,
          body: message.body
            ? renderTemplate(message.body, state.facts)
            : `[${message.templateId}] ${preview}`,
          status: 'sent',
          provider: 'sandbox',
          createdAt: at,
        });
        return { messageId: row.id, created };
      },
    }),
  };
}
