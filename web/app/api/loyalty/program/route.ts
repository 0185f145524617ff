import { getDb } from '@yatra/db';
import { getProgramView, saveProgram } from '../../../../lib/api/loyalty/program';
import { json, readJson, route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** `{ program: { id, name, pointsPer100Rupees, earnOnEvent, expiryDays, pointValuePaise, tiers, redemptionOptions, … } }`; 404 before one is configured. */
export const GET = route(async () => json({ program: await getProgramView(getDb()) }));

/**
 * Saves the programme (validated with `programConfigSchema`): 200 `{ program }`, 201 the first
 * time; 400 `{ error, issues: [{ path: 'tiers.2.threshold', message }] }` and nothing saved.
 */
export const PUT = route(async (request) => {
  const { program, created } = await saveProgram(getDb(), await readJson(request));
  return json({ program }, created ? 201 : 200);
});
