import Link from 'next/link';
import { getDb, type LiabilityReport } from '@yatra/db';
import { formatPoints } from '../../../components/loyalty/labels';
import { LiabilityChart } from '../../../components/loyalty/liability-chart';
import { periodDates, reportQuery } from '../../../components/loyalty/period';
import { describeIssues, ProblemNote } from '../../../components/loyalty/problem-note';
import { StatCard } from '../../../components/loyalty/stat-card';
import { Page, PageHeader } from '../../../components/ui';
import { ValidationError } from '../../../lib/api/errors';
import { liabilityReport } from '../../../lib/api/loyalty/liability';
import { formatDateTime, formatPaise } from '../../../lib/format';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Loyalty liability' };

type Props = { searchParams: Promise<{ from?: string | string[]; asOf?: string | string[] }> };

interface StatementLine {
  item: string;
  sign: '' | '+' | '−' | '=';
  label: string;
  points: number;
}

/** The reconciliation, line by line: opening + issued − … = closing. */
function statementLines(r: LiabilityReport): StatementLine[] {
  const m = r.movements;
  return [
    {
      item: 'opening',
      sign: '',
      label: `Outstanding at ${formatDateTime(r.from)}`,
      points: r.opening.points,
    },
    {
      item: 'issued',
      sign: '+',
      label: `Issued (earned ${formatPoints(m.earned)}, adjusted in ${formatPoints(m.adjustedIn)})`,
      points: m.issued,
    },
    { item: 'redeemed', sign: '−', label: 'Redeemed', points: m.redeemed },
    {
      item: 'expired',
      sign: '−',
      label: `Expired (${formatPoints(m.expiryEntriesPosted)} posted by the nightly job)`,
      points: m.expired,
    },
    {
      item: 'reversed',
      sign: '−',
      label: 'Reversed (returns and cancellations)',
      points: m.reversed,
    },
    { item: 'adjusted-out', sign: '−', label: 'Adjusted out', points: m.adjustedOut },
    {
      item: 'closing',
      sign: '=',
      label: `Outstanding at ${formatDateTime(r.to)}`,
      points: r.closing.points,
    },
  ];
}

function Statement({ r }: { r: LiabilityReport }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" data-testid="liability-statement">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
          <tr>
            <th className="px-4 py-3" />
            <th className="px-4 py-3 text-left">Reconciliation</th>
            <th className="px-4 py-3 text-right">Points</th>
            <th className="px-4 py-3 text-right">Face value</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {statementLines(r).map((line) => (
            <tr
              key={line.item}
              data-testid="statement-row"
              data-item={line.item}
              className={line.sign === '=' ? 'font-semibold' : ''}
            >
              <td className="w-8 px-4 py-2 text-slate-400">{line.sign}</td>
              <td className="px-4 py-2">{line.label}</td>
              <td
                className="px-4 py-2 text-right tabular-nums"
                data-testid={`statement-${line.item}`}
              >
                {formatPoints(line.points)}
              </td>
              <td className="px-4 py-2 text-right text-slate-600 tabular-nums">
                {formatPaise(line.points * r.pointValuePaise)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p
        className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500"
        data-testid="reconciliation"
        data-difference={r.reconciliation.difference}
      >
        {r.reconciliation.difference === 0
          ? '✓ Opening + issued − redeemed − expired − reversed − adjusted out equals the sum of every member’s balance at the end.'
          : `⚠ The movements differ from the balances by ${formatPoints(r.reconciliation.difference)} points.`}
      </p>
    </div>
  );
}

export default async function LiabilityPage({ searchParams }: Props) {
  const dates = periodDates(await searchParams);
  const query = reportQuery(dates);
  let report: LiabilityReport | null = null;
  let problem: string | null = null;
  try {
    report = (await liabilityReport(getDb(), query, null)).report;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    problem = describeIssues(error);
  }
  const csv = `/api/loyalty/liability?${query.toString()}&format=csv`;
  const b = report?.breakage;

  return (
    <Page>
      <div className="mb-1 text-xs text-slate-500">
        <Link href="/loyalty" className="hover:text-slate-800">
          Loyalty
        </Link>{' '}
        /
      </div>
      <PageHeader
        title="Loyalty liability"
        description="Ind-AS 115: unredeemed points are a contract liability; revenue is deferred until points are redeemed or expire."
      >
        <a
          href={csv}
          data-testid="liability-csv"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
        >
          Download CSV
        </a>
      </PageHeader>

      <form
        method="get"
        data-testid="liability-period"
        className="mb-6 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
      >
        <label className="block">
          <span className="mb-1 block text-xs font-medium text-slate-600">Period from (IST)</span>
          <input
            type="date"
            name="from"
            defaultValue={dates.from}
            data-testid="period-from"
            className="rounded-md border border-slate-300 px-2.5 py-1.5"
          />
        </label>
        <label className="block">
          <span className="mb-1 block text-xs font-medium text-slate-600">
            As of, end of day (IST)
          </span>
          <input
            type="date"
            name="asOf"
            defaultValue={dates.asOf}
            data-testid="period-as-of"
            className="rounded-md border border-slate-300 px-2.5 py-1.5"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-500"
        >
          Show
        </button>
      </form>

      {problem && <ProblemNote testId="liability-error">{problem}</ProblemNote>}

      {report && b && (
        <div className="space-y-6">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard
              testId="figure-outstanding"
              label="Points outstanding"
              value={formatPoints(report.closing.points)}
              detail={`${formatPaise(report.closing.valuePaise)} at ${formatPaise(report.pointValuePaise)} a point`}
            />
            <StatCard
              testId="figure-deferred"
              label="Deferred revenue"
              value={formatPaise(report.deferredRevenuePaise)}
              detail="face value × (1 − expected breakage)"
            />
            <StatCard
              testId="figure-breakage"
              label="Expected breakage"
              value={`${(b.rate * 100).toFixed(1)}%`}
              detail={
                b.basis === 'history'
                  ? `${formatPoints(b.maturedExpired)} of ${formatPoints(b.maturedIssued)} points in lots past expiry expired unused`
                  : 'no lot has reached its expiry yet: the 14–22% industry midpoint'
              }
            />
            <StatCard
              testId="figure-expiry-revenue"
              label="Revenue from expiry"
              value={formatPaise(report.revenueFromExpiryPaise)}
              detail={`${formatPoints(report.movements.expired)} points expired in the period`}
            />
          </div>
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="mb-3 text-base font-semibold">Month by month (IST)</h2>
            <LiabilityChart months={report.months} />
          </section>
          <Statement r={report} />
        </div>
      )}
    </Page>
  );
}
