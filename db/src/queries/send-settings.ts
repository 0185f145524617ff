import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { sendSettings } from '../schema';

/** The brand-wide send settings the rules read (frequency cap, quiet hours). */
export interface SendSettings {
  frequencyCap: number;
  frequencyWindowDays: number;
  /** Local HH:MM; the window wraps midnight when start > end. */
  quietHoursStart: string;
  quietHoursEnd: string;
  updatedAt: Date;
}

const DEFAULTS = {
  frequencyCap: 3,
  frequencyWindowDays: 7,
  quietHoursStart: '21:00',
  quietHoursEnd: '09:00',
};

/** The settings row (id 1); the migration inserts it, so defaults only cover a hand-made db. */
export async function getSendSettings(db: Db): Promise<SendSettings> {
  const [row] = await db.select().from(sendSettings).where(eq(sendSettings.id, 1));
  return row ?? { ...DEFAULTS, updatedAt: new Date(0) };
}

/** Replaces the settings; they apply to the next send. Validate before calling (zod in the API). */
export async function updateSendSettings(
  db: Db,
  input: Omit<SendSettings, 'updatedAt'>,
): Promise<SendSettings> {
  const values = { ...input, updatedAt: new Date() };
  const [row] = await db
    .insert(sendSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: sendSettings.id, set: values })
    .returning();
  if (!row) throw new Error('updateSendSettings: upsert returned no row');
  return row;
}
