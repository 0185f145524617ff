import { getDb } from '@yatra/db';
import { json, readJson, route } from '../../../../lib/api/respond';
import { saveSendSettings, sendSettingsView } from '../../../../lib/api/sending/settings';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ frequencyCap, frequencyWindowDays, quietHoursStart, quietHoursEnd, updatedAt }`. */
export const GET = route(async () => json(await sendSettingsView(getDb())));

/**
 * Body `{ frequencyCap, frequencyWindowDays, quietHoursStart: 'HH:MM', quietHoursEnd: 'HH:MM' }`.
 * 200 with the saved settings; 400 `{ error, issues: [{ path: 'quietHoursStart', message }] }`.
 */
export const PUT = route(async (request) =>
  json(await saveSendSettings(getDb(), await readJson(request))),
);
