import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCustomer, getDb } from '@yatra/db';
import { EnrollButton } from '../../../../components/loyalty/enroll-button';
import { formatPoints } from '../../../../components/loyalty/labels';
import { HistoryTable, LotsTable } from '../../../../components/loyalty/ledger-tables';
import { startOfIstDay } from '../../../../components/loyalty/period';
import { PointsIcon } from '../../../../components/icons';
import { describeIssues, ProblemNote } from '../../../../components/loyalty/problem-note';
import { StatCard } from '../../../../components/loyalty/stat-card';
import { TierProgress } from '../../../../components/loyalty/tier-progress';
import { EmptyState, Page } from '../../../../components/ui';
import { NotFoundError, ValidationError } from '../../../../lib/api/errors';
import { decodeParam } from '../../../../lib/api/ids';
import { memberView, type MemberView } from '../../../../lib/api/loyalty/members';
import { formatDateTime, formatPaise } from '../../../../lib/format';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ asOf?: string | string[] }>;
};

/** Everything the ledger keeps for one member, ever: the history table shows up to this many. */
const HISTORY_LIMIT = 500;
const DAY_MS = 86_400_000;

export async function generateMetadata({ params }: Props): Promise<{ title: string }> {
  const { id } = await params;
  return { title: `Loyalty · ${decodeParam(id)}` };
}

/** `?asOf=2030-01-31` means the end of that day in IST; an ISO time is taken as it is. */
function asOfQuery(raw: string | undefined): URLSearchParams {
  const query = new URLSearchParams({ entries: String(HISTORY_LIMIT) });
  if (raw) {
    const day = startOfIstDay(raw);
    query.set('asOf', day ? new Date(day.getTime() + DAY_MS).toISOString() : raw);
  }
  return query;
}

export default async function MemberLoyaltyPage({ params, searchParams }: Props) {
  const { id: rawId } = await params;
  const id = decodeParam(rawId);
  const { asOf: rawAsOf } = await searchParams;
  const asOf = Array.isArray(rawAsOf) ? rawAsOf[0] : rawAsOf;
  const db = getDb();
  const customer = await getCustomer(db, id);
  if (!customer) notFound();

  let member: MemberView | null = null;
  let problem: string | null = null;
  try {
    member = await memberView(db, id, asOfQuery(asOf));
  } catch (error) {
    if (error instanceof ValidationError) {
      problem = describeIssues(error);
    } else if (!(error instanceof NotFoundError)) throw error;
  }
  const customerHref = `/customers/${encodeURIComponent(id)}`;

  return (
    <Page>
      <div className="mb-6">
        <div className="text-xs text-slate-500">
          <Link href="/customers" className="hover:text-slate-800">
            Customers
          </Link>{' '}
          /{' '}
          <Link href={customerHref} className="hover:text-slate-800">
            {customer.name ?? customer.id}
          </Link>{' '}
          /
        </div>
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 className="flex items-center gap-2 text-2xl font-semibold tracking-tight">
            <PointsIcon className="size-6 text-violet-600" /> Loyalty
          </h1>
          <form method="get" className="flex items-end gap-2 text-sm" data-testid="member-as-of">
            <label className="block">
              <span className="mb-1 block text-xs font-medium text-slate-600">
                As of, end of day (IST)
              </span>
              <input
                type="date"
                name="asOf"
                defaultValue={asOf && startOfIstDay(asOf) ? asOf : undefined}
                className="rounded-md border border-slate-300 px-2.5 py-1.5"
              />
            </label>
            <button
              type="submit"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
            >
              Show
            </button>
            {asOf && (
              <Link
                href={`${customerHref}/loyalty`}
                className="px-1 py-1.5 text-indigo-600 hover:underline"
              >
                now
              </Link>
            )}
          </form>
        </div>
      </div>

      {problem && <ProblemNote testId="member-error">{problem}</ProblemNote>}

      {!member && !problem && (
        <EmptyState icon={<PointsIcon className="size-6" />} title="Not a loyalty member yet">
          {customer.name ?? customer.id} joins on their first earn, or now with one tap.
          <EnrollButton customerId={id} />
        </EmptyState>
      )}

      {member && (
        <div className="space-y-6">
          <p className="text-sm text-slate-500">
            Member since {formatDateTime(member.joinedAt)} · as of {formatDateTime(member.asOf)}
          </p>
          <div className="grid gap-4 md:grid-cols-3">
            <StatCard
              testId="member-balance"
              label="Balance"
              value={`${formatPoints(member.balance)} points`}
              detail={
                member.balance < 0
                  ? 'negative: points of a returned order were already spent; the next earn settles it'
                  : `worth ${formatPaise(member.balanceValuePaise)}`
              }
            />
            <StatCard
              testId="member-next-expiry"
              label="Next expiry"
              value={member.nextExpiry ? `${formatPoints(member.nextExpiry.points)} points` : '—'}
              detail={
                member.nextExpiry
                  ? `on ${formatDateTime(member.nextExpiry.expiresAt)}`
                  : 'nothing to expire'
              }
            />
            <TierProgress name={member.tier.name} status={member.tier.status} />
          </div>

          <section>
            <h2 className="mb-3 text-base font-semibold">Lots</h2>
            {member.lots.length === 0 ? (
              <p className="text-sm text-slate-500">No points earned yet.</p>
            ) : (
              <LotsTable lots={member.lots} />
            )}
          </section>

          <section>
            <h2 className="mb-3 text-base font-semibold">History</h2>
            {member.entries.length === 0 ? (
              <p className="text-sm text-slate-500">No movements yet.</p>
            ) : (
              <HistoryTable entries={member.entries} />
            )}
            {member.entries.length === HISTORY_LIMIT && (
              <p className="mt-2 text-xs text-slate-500">
                Showing the latest {HISTORY_LIMIT} movements.
              </p>
            )}
          </section>
        </div>
      )}
    </Page>
  );
}
