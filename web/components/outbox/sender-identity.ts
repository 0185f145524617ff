import type { SenderIdentity } from './preview-message';

/**
 * Who customers see as the sender, from the same settings the adapters use (docs/channels.md);
 * sandbox defaults otherwise.
 */
export function senderIdentity(env: NodeJS.ProcessEnv = process.env): SenderIdentity {
  return {
    emailFrom: env.YATRA_SMTP_FROM ?? 'Yatra <hello@yatra.example>',
    smsSenderId: env.YATRA_SMS_SENDER_ID ?? 'YATRAS',
    appName: 'Yatra',
  };
}
