import nodemailer from 'nodemailer';
import type { ChannelAdapter } from '../channel-adapter';
import type { SmtpConfig } from './smtp-config';
import { classifySmtpError } from './smtp-errors';
import { smtpMail } from './smtp-message';

/**
 * Email over SMTP with nodemailer. The provider id is the Message-ID, which is derived from the
 * idempotency key, so a retry after a lost reply sends the same id.
 * @example const email = createSmtpAdapter(smtpConfigFromEnv()!);
 */
export function createSmtpAdapter(config: SmtpConfig): ChannelAdapter {
  const transport = nodemailer.createTransport({
    url: config.url,
    // Fail fast enough for the activity to retry instead of hanging on a dead server.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    provider: 'smtp',
    channel: 'email',
    async send(message) {
      const mail = smtpMail(message, config);
      try {
        const info = await transport.sendMail(mail);
        return { providerMessageId: info.messageId || mail.messageId };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
  };
}
