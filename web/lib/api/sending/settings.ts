import { getSendSettings, updateSendSettings, type Db, type SendSettings } from '@yatra/db';
import { parseBody } from '../loyalty/parse';
import { sendSettingsBodySchema } from './schema';

/** `GET /api/settings/sending`. */
export function sendSettingsView(db: Db): Promise<SendSettings> {
  return getSendSettings(db);
}

/** `PUT /api/settings/sending`: replaces the cap and quiet hours; the next send uses them. */
export async function saveSendSettings(db: Db, body: unknown): Promise<SendSettings> {
  return updateSendSettings(db, parseBody(sendSettingsBodySchema, body));
}
