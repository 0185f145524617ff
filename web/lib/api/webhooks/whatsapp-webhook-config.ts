import { z } from 'zod';

const envSchema = z.object({
  /** The Meta app's secret: signs every webhook POST (X-Hub-Signature-256). */
  YATRA_WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  /** The token typed into the app's webhook settings; Meta echoes it in the GET handshake. */
  YATRA_WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
});

export interface WhatsAppWebhookConfig {
  appSecret?: string;
  verifyToken?: string;
}

/**
 * The web app's WhatsApp webhook secrets (docs/channels.md). Unset ones make the webhook answer
 * 503, so Meta keeps retrying until it is configured instead of having its events dropped.
 */
export function whatsAppWebhookConfig(
  env: Record<string, string | undefined> = process.env,
): WhatsAppWebhookConfig {
  const e = envSchema.parse({
    YATRA_WHATSAPP_APP_SECRET: env.YATRA_WHATSAPP_APP_SECRET || undefined,
    YATRA_WHATSAPP_VERIFY_TOKEN: env.YATRA_WHATSAPP_VERIFY_TOKEN || undefined,
  });
  return {
    ...(e.YATRA_WHATSAPP_APP_SECRET && { appSecret: e.YATRA_WHATSAPP_APP_SECRET }),
    ...(e.YATRA_WHATSAPP_VERIFY_TOKEN && { verifyToken: e.YATRA_WHATSAPP_VERIFY_TOKEN }),
  };
}
