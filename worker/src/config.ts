import { unsubscribeSecret } from '@yatra/nodes';

/** The task queue journeys run on; worker and dispatcher must agree. */
export const TASK_QUEUE = process.env.YATRA_TASK_QUEUE ?? 'yatra-journeys';

/** Temporal connection settings from the environment (set by `npm start` for the dev server). */
export function temporalSettings() {
  return {
    address: process.env.TEMPORAL_ADDRESS ?? 'localhost:7233',
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  };
}

/**
 * Where one-click unsubscribe links point and the HMAC secret that signs them. The web app
 * verifies with the same secret (web/app/api/unsubscribe). Adapters read their own variables
 * (YATRA_WHATSAPP_*, YATRA_SMTP_*, YATRA_SMS_*, YATRA_PUSH_*: docs/channels.md); a channel
 * whose variables are unset stays on the sandbox (channels/adapters.ts).
 */
export function unsubscribeSettings(env: Record<string, string | undefined> = process.env) {
  return {
    secret: unsubscribeSecret(env),
    baseUrl: (env.YATRA_WEB_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, ''),
  };
}
