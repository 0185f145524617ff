import { z } from 'zod';
import { adapterEnv, requiredVar } from '../shared/adapter-env';

// Gupshup Enterprise SMS (India). Under TRAI's DLT rules every SMS names the sender's principal
// entity id and the registered content template; transactional and promotional traffic run on
// separate Gupshup accounts with different headers (alphabetic vs. numeric sender ids).

const senderId = (what: string) =>
  requiredVar(what).regex(/^[A-Za-z0-9]{6}$/, 'a 6-character DLT header, e.g. BRANDX');

export const smsEnvSchema = z
  .object({
    YATRA_SMS_BASE_URL: z.url().default('https://enterprise.smsgupshup.com/GatewayAPI/rest'),
    YATRA_SMS_USER_ID: requiredVar('the Gupshup Enterprise account id (transactional)').regex(
      /^\d+$/,
      'the numeric Gupshup user id',
    ),
    YATRA_SMS_PASSWORD: requiredVar('the Gupshup Enterprise password (transactional)'),
    YATRA_SMS_SENDER_ID: senderId('the DLT-registered header for transactional SMS'),
    YATRA_SMS_DLT_ENTITY_ID: requiredVar('the DLT principal entity id').regex(
      /^\d{10,25}$/,
      'the numeric DLT principal entity id',
    ),
    YATRA_SMS_PROMO_USER_ID: z.string().regex(/^\d+$/, 'the numeric Gupshup user id').optional(),
    YATRA_SMS_PROMO_PASSWORD: z.string().min(1).optional(),
    YATRA_SMS_PROMO_SENDER_ID: z
      .string()
      .regex(/^\d{6}$/, 'promotional DLT headers are 6 digits')
      .optional(),
  })
  .superRefine((e, ctx) => {
    const promo = [
      e.YATRA_SMS_PROMO_USER_ID,
      e.YATRA_SMS_PROMO_PASSWORD,
      e.YATRA_SMS_PROMO_SENDER_ID,
    ];
    if (promo.some(Boolean) && !promo.every(Boolean))
      ctx.addIssue({
        code: 'custom',
        path: ['YATRA_SMS_PROMO_*'],
        message: 'set all of YATRA_SMS_PROMO_USER_ID, _PASSWORD and _SENDER_ID, or none',
      });
  });

export interface SmsAccount {
  userId: string;
  password: string;
  senderId: string;
}

export interface SmsConfig {
  baseUrl: string;
  dltEntityId: string;
  /** Utility and authentication messages. */
  transactional: SmsAccount;
  /** Marketing messages; without it a marketing SMS is refused. */
  promotional?: SmsAccount;
}

/** SMS settings, or null when YATRA_SMS_USER_ID is unset (SMS stays on the sandbox). */
export function smsConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): SmsConfig | null {
  const e = adapterEnv('SMS (Gupshup)', smsEnvSchema, env, ['YATRA_SMS_USER_ID']);
  if (!e) return null;
  const promo =
    e.YATRA_SMS_PROMO_USER_ID && e.YATRA_SMS_PROMO_PASSWORD && e.YATRA_SMS_PROMO_SENDER_ID
      ? {
          userId: e.YATRA_SMS_PROMO_USER_ID,
          password: e.YATRA_SMS_PROMO_PASSWORD,
          senderId: e.YATRA_SMS_PROMO_SENDER_ID,
        }
      : undefined;
  return {
    baseUrl: e.YATRA_SMS_BASE_URL,
    dltEntityId: e.YATRA_SMS_DLT_ENTITY_ID,
    transactional: {
      userId: e.YATRA_SMS_USER_ID,
      password: e.YATRA_SMS_PASSWORD,
      senderId: e.YATRA_SMS_SENDER_ID,
    },
    ...(promo && { promotional: promo }),
  };
}
