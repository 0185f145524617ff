import { z } from 'zod';
import { adapterEnv, requiredVar } from '../shared/adapter-env';

/** The worker's WhatsApp Cloud API settings (docs/channels.md). The webhook secrets are the web app's. */
export const whatsAppEnvSchema = z.object({
  YATRA_WHATSAPP_TOKEN: requiredVar('a system-user access token with whatsapp_business_messaging'),
  YATRA_WHATSAPP_PHONE_NUMBER_ID: requiredVar(
    'the numeric phone number id from WhatsApp Manager',
  ).regex(/^\d+$/, 'the phone number id is numeric (not the phone number itself)'),
  YATRA_WHATSAPP_BASE_URL: z.url().default('https://graph.facebook.com'),
  YATRA_WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'a Graph API version like v23.0')
    .default('v23.0'),
});

export interface WhatsAppConfig {
  token: string;
  phoneNumberId: string;
  /** Graph API origin; tests point it at a local server. */
  baseUrl: string;
  apiVersion: string;
}

/**
 * The WhatsApp settings, or null when YATRA_WHATSAPP_TOKEN and _PHONE_NUMBER_ID are both unset
 * (WhatsApp stays on the sandbox). Throws naming each bad variable.
 */
export function whatsAppConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): WhatsAppConfig | null {
  const e = adapterEnv('WhatsApp', whatsAppEnvSchema, env, [
    'YATRA_WHATSAPP_TOKEN',
    'YATRA_WHATSAPP_PHONE_NUMBER_ID',
  ]);
  if (!e) return null;
  return {
    token: e.YATRA_WHATSAPP_TOKEN,
    phoneNumberId: e.YATRA_WHATSAPP_PHONE_NUMBER_ID,
    baseUrl: e.YATRA_WHATSAPP_BASE_URL.replace(/\/+$/, ''),
    apiVersion: e.YATRA_WHATSAPP_API_VERSION,
  };
}
