import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { adapterEnv, requiredVar } from '../shared/adapter-env';

// Firebase Cloud Messaging HTTP v1, authorised with a Google service account (docs/channels.md).

/** The fields of a Google service-account key file that the OAuth2 JWT flow needs. */
export const serviceAccountSchema = z.object({
  type: z.literal('service_account'),
  project_id: z.string().min(1),
  private_key_id: z.string().min(1),
  private_key: z.string().includes('PRIVATE KEY', { error: 'a PEM private key' }),
  client_email: z.email(),
  token_uri: z.url().default('https://oauth2.googleapis.com/token'),
});
export type ServiceAccount = z.infer<typeof serviceAccountSchema>;

export const pushEnvSchema = z.object({
  /** A path to the service-account JSON key, or the JSON itself. */
  YATRA_PUSH_SERVICE_ACCOUNT: requiredVar('the path to a Firebase service-account key (JSON)'),
  YATRA_PUSH_PROJECT_ID: z.string().min(1).optional(),
  YATRA_PUSH_FCM_URL: z.url().default('https://fcm.googleapis.com'),
  /** Overrides the key's token_uri (tests point it at a local server). */
  YATRA_PUSH_TOKEN_URI: z.url().optional(),
});

export interface PushConfig {
  account: ServiceAccount;
  projectId: string;
  fcmUrl: string;
  tokenUri: string;
}

function readServiceAccount(value: string): ServiceAccount {
  let text = value;
  if (!value.trim().startsWith('{')) {
    try {
      text = readFileSync(value, 'utf8');
    } catch (error) {
      throw new Error(
        `Push channel settings are invalid: YATRA_PUSH_SERVICE_ACCOUNT: cannot read ${value} (${error instanceof Error ? error.message : error})`,
      );
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('Push channel settings are invalid: YATRA_PUSH_SERVICE_ACCOUNT is not JSON');
  }
  const parsed = serviceAccountSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(
    `Push channel settings are invalid: YATRA_PUSH_SERVICE_ACCOUNT key file: ${issues.join('; ')}`,
  );
}

/** Push settings, or null when YATRA_PUSH_SERVICE_ACCOUNT is unset (push stays on the sandbox). */
export function pushConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): PushConfig | null {
  const e = adapterEnv('Push (FCM)', pushEnvSchema, env, ['YATRA_PUSH_SERVICE_ACCOUNT']);
  if (!e) return null;
  const account = readServiceAccount(e.YATRA_PUSH_SERVICE_ACCOUNT);
  return {
    account,
    projectId: e.YATRA_PUSH_PROJECT_ID ?? account.project_id,
    fcmUrl: e.YATRA_PUSH_FCM_URL.replace(/\/+$/, ''),
    tokenUri: e.YATRA_PUSH_TOKEN_URI ?? account.token_uri,
  };
}
