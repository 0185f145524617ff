import Link from 'next/link';
import { getDb } from '@yatra/db';
import {
  demoProgram,
  programConfigSchema,
  type ProgramConfigInput,
} from '@yatra/nodes/loyalty/program-config';
import { ProgramForm } from '../../components/loyalty/program-form';
import { Page, PageHeader } from '../../components/ui';
import { findProgram, type ProgramView } from '../../lib/api/loyalty/program';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Loyalty programme' };

/**
 * The form starts from the saved programme; a programme saved without a valid ladder (or none at
 * all) starts from the demo's tiers and options, so the form always opens valid.
 */
function initialConfig(stored: ProgramView | null): ProgramConfigInput {
  if (!stored) return demoProgram;
  const saved = programConfigSchema.safeParse(stored);
  if (saved.success) return saved.data;
  const withDemoLadder = programConfigSchema.safeParse({
    ...stored,
    tiers: demoProgram.tiers,
    redemptionOptions: demoProgram.redemptionOptions,
  });
  return withDemoLadder.success ? withDemoLadder.data : demoProgram;
}

export default async function LoyaltyProgramPage() {
  const stored = await findProgram(getDb());
  return (
    <Page>
      <PageHeader
        title="Loyalty programme"
        description="How members earn, how long points last, what they are worth, the tiers and what points buy. Changes apply to new earns; existing lots keep their expiry."
      >
        <Link
          href="/loyalty/liability"
          data-testid="liability-link"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
        >
          Liability report →
        </Link>
      </PageHeader>
      <ProgramForm initial={initialConfig(stored)} isNew={!stored} />
    </Page>
  );
}
