import {
  createProgram,
  getDefaultProgram,
  updateProgram,
  type Db,
  type LoyaltyProgram,
} from '@yatra/db';
import { programConfigSchema } from '@yatra/nodes/loyalty/program-config';
import { issuesOf, NotFoundError, ValidationError } from '../errors';

/** `GET /api/loyalty/program`: the programme's settings as stored (validated when saved). */
export interface ProgramView {
  id: string;
  name: string;
  pointsPer100Rupees: number;
  earnOnEvent: string;
  expiryDays: number;
  pointValuePaise: number;
  tiers: unknown;
  redemptionOptions: unknown;
  createdAt: Date;
  updatedAt: Date;
}

function toView(p: LoyaltyProgram): ProgramView {
  return {
    id: p.id,
    name: p.name,
    pointsPer100Rupees: p.pointsPer100Rupees,
    earnOnEvent: p.earnOnEvent,
    expiryDays: p.expiryDays,
    pointValuePaise: p.pointValuePaise,
    tiers: p.tiers,
    redemptionOptions: p.redemptionOptions,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** The programme new members join (Yatra runs one brand), or null before one is configured. */
export async function findProgram(db: Db): Promise<ProgramView | null> {
  const program = await getDefaultProgram(db);
  return program ? toView(program) : null;
}

export async function getProgramView(db: Db): Promise<ProgramView> {
  const program = await findProgram(db);
  if (!program) throw new NotFoundError('No loyalty programme is configured yet; PUT one.');
  return program;
}

/**
 * Validates the programme with the shared contract (`programConfigSchema`) and saves it over the
 * default programme, creating it the first time. 400 names each bad field, e.g.
 * `tiers.2.threshold: the tier ladder must increase: …`.
 */
export async function saveProgram(
  db: Db,
  body: unknown,
): Promise<{ program: ProgramView; created: boolean }> {
  const parsed = programConfigSchema.safeParse(body);
  if (!parsed.success) {
    throw new ValidationError(
      'The programme is invalid; nothing was saved.',
      issuesOf(parsed.error),
    );
  }
  const c = parsed.data;
  const settings = {
    name: c.name,
    pointsPer100Rupees: c.pointsPer100Rupees,
    earnOnEvent: c.earnOnEvent,
    expiryDays: c.expiryDays,
    pointValuePaise: c.pointValuePaise,
    tiers: c.tiers,
    redemptionOptions: c.redemptionOptions,
  };
  const existing = await getDefaultProgram(db);
  const saved = existing
    ? await updateProgram(db, existing.id, settings)
    : await createProgram(db, settings);
  if (!saved) throw new NotFoundError('The loyalty programme disappeared while saving.');
  return { program: toView(saved), created: !existing };
}
