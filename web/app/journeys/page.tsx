import Link from 'next/link';
import { getDb } from '@yatra/db';
import { postPurchase45 } from '@yatra/nodes';
import { listJourneyItems } from '../../lib/api/journeys';
import { messagingCostMap } from '../../lib/api/cost/messaging-cost';
import { MessagingSpend } from '../../components/cost/messaging-spend';
import { formatDateTime, formatRelative } from '../../lib/format';
import { EmptyState, Mono, Page, PageHeader, StatusBadge, Table } from '../../components/ui';
import { CompassIcon } from '../../components/icons';
import {
  DuplicateJourneyButton,
  NewJourneyActions,
} from '../../components/journeys/journey-actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Journeys' };

export default async function JourneysPage() {
  const journeys = await listJourneyItems(getDb());
  const spend = await messagingCostMap(getDb());
  return (
    <Page>
      <PageHeader
        title="Journeys"
        description="Every journey, its live version and how many customers are in it right now."
      >
        <NewJourneyActions playbook={postPurchase45} />
      </PageHeader>
      {journeys.length === 0 ? (
        <EmptyState icon={<CompassIcon className="size-6" />} title="No journeys yet">
          Create one with <strong>New journey</strong> (blank, or from the 45-day post-purchase
          playbook), import a JSON file, or post a document to <Mono>POST /api/journeys</Mono>.
        </EmptyState>
      ) : (
        <Table
          head={[
            'Journey',
            'Status',
            'Live version',
            'Customers inside',
            'Messaging spend',
            'Last edit',
            '',
          ]}
        >
          {journeys.map((j) => (
            <tr
              key={j.id}
              data-testid="journey-row"
              data-journey-id={j.id}
              className="group transition-colors hover:bg-slate-50"
            >
              <td className="px-4 py-3">
                <Link
                  href={`/journeys/${j.id}`}
                  className="font-medium text-slate-900 group-hover:text-indigo-600"
                >
                  {j.name}
                </Link>
                {j.description && (
                  <p className="mt-0.5 line-clamp-1 max-w-xl text-xs text-slate-500">
                    {j.description}
                  </p>
                )}
              </td>
              <td className="px-4 py-3">
                <StatusBadge status={j.status} />
              </td>
              <td className="px-4 py-3 text-slate-600 tabular-nums">
                {j.liveVersion === null ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <>
                    v{j.liveVersion}
                    {j.versionCount > 1 && (
                      <span className="text-slate-400"> of {j.versionCount}</span>
                    )}
                  </>
                )}
              </td>
              <td className="px-4 py-3 tabular-nums" data-testid="journey-running">
                {j.runningCustomers}
              </td>
              <td className="px-4 py-3">
                <MessagingSpend cost={spend.get(j.id)} />
              </td>
              <td className="px-4 py-3 text-slate-500" title={formatDateTime(j.updatedAt)}>
                {formatRelative(j.updatedAt)}
              </td>
              <td className="px-2 py-3 text-right">
                <DuplicateJourneyButton id={j.id} name={j.name} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Page>
  );
}
