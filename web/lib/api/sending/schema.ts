// The input contracts of the sending settings and consent APIs, shared with their forms (zod only).
import { CONSENT_PURPOSES, SEND_CHANNELS } from '@yatra/nodes/sending/types';
import { z } from 'zod';

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time like 21:00 (24-hour HH:MM)');

/** `PUT /api/settings/sending`: the cap and quiet hours (start = end turns quiet hours off). */
export const sendSettingsBodySchema = z.object({
  frequencyCap: z
    .number({ error: 'a whole number of messages' })
    .int('a whole number of messages')
    .min(0, 'at least 0 (0 stops all marketing)')
    .max(100, 'at most 100'),
  frequencyWindowDays: z
    .number({ error: 'a whole number of days' })
    .int('a whole number of days')
    .min(1, 'at least 1 day')
    .max(90, 'at most 90 days'),
  quietHoursStart: timeOfDay,
  quietHoursEnd: timeOfDay,
});
export type SendSettingsBody = z.infer<typeof sendSettingsBodySchema>;

/** `POST /api/customers/:id/consent`: grant or withdraw one channel and purpose. */
export const consentBodySchema = z.object({
  channel: z.enum(SEND_CHANNELS),
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.boolean({ error: 'true to grant, false to withdraw' }),
  /** Free text kept in the consent log, e.g. where the customer asked. */
  note: z.string().max(500).optional(),
});
export type ConsentBody = z.infer<typeof consentBodySchema>;
