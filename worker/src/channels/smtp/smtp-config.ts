import { z } from 'zod';
import { adapterEnv, requiredVar } from '../shared/adapter-env';

/** `Brand <hello@brand.in>` or `hello@brand.in`: the address part gives Message-IDs their domain. */
const FROM = /^(?:[^<>]*<)?[^\s@<>]+@([^\s@<>]+)>?$/;

/** The worker's email settings (docs/channels.md). */
export const smtpEnvSchema = z.object({
  YATRA_SMTP_URL: requiredVar('smtp://user:pass@host:587 (STARTTLS) or smtps://…:465').pipe(
    z.url({
      protocol: /^smtps?$/,
      error: 'an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587',
    }),
  ),
  YATRA_SMTP_FROM: requiredVar('the sender, e.g. "Brand <hello@brand.in>"').regex(
    FROM,
    'a sender like "Brand <hello@brand.in>"',
  ),
  /** Where `List-Unsubscribe: <mailto:…>` points; the https one-click URL comes per message. */
  YATRA_SMTP_UNSUBSCRIBE_MAILTO: z.email().optional(),
});

export interface SmtpConfig {
  url: string;
  from: string;
  unsubscribeMailto?: string;
}

/** Email settings, or null when YATRA_SMTP_URL is unset (email stays on the sandbox). */
export function smtpConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): SmtpConfig | null {
  const e = adapterEnv('Email (SMTP)', smtpEnvSchema, env, ['YATRA_SMTP_URL']);
  if (!e) return null;
  return {
    url: e.YATRA_SMTP_URL,
    from: e.YATRA_SMTP_FROM,
    ...(e.YATRA_SMTP_UNSUBSCRIBE_MAILTO && { unsubscribeMailto: e.YATRA_SMTP_UNSUBSCRIBE_MAILTO }),
  };
}

/** The domain of the sender address: `Brand <hello@brand.in>` → `brand.in`. */
export function senderDomain(from: string): string {
  return FROM.exec(from.trim())?.[1] ?? 'localhost';
}
