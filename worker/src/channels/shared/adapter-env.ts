import { z } from 'zod';

type Env = Record<string, string | undefined>;

/**
 * Reads one adapter's settings from the environment. When none of `requiredKeys` is set the
 * adapter is off and its channel stays on the sandbox (null). Once any is set, every problem is
 * reported at once, naming the variable: `YATRA_SMTP_FROM: Invalid input…`.
 * @example const config = adapterEnv('WhatsApp', whatsAppEnvSchema, process.env, ['YATRA_WHATSAPP_TOKEN']);
 */
export function adapterEnv<S extends z.ZodType>(
  label: string,
  schema: S,
  env: Env,
  requiredKeys: readonly string[],
): z.output<S> | null {
  // An empty variable counts as unset, as shells and compose files write them that way.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  if (!requiredKeys.some((key) => key in present)) return null;
  const parsed = schema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new Error(`${label} channel settings are invalid: ${issues.join('; ')}`);
}

/** A required environment variable, with a message that says what it holds. */
export const requiredVar = (what: string) =>
  z.string({ error: `missing: set it to ${what}` }).min(1, `missing: set it to ${what}`);
