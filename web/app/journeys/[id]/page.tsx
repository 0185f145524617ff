import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb, getJourney, listJourneyVersions, nodeCounts } from '@yatra/db';
import { compile } from '@yatra/nodes';
import { JourneyWorkspace } from '../../../components/canvas/journey-workspace';
import { StatusBadge } from '../../../components/ui';
import { getJourneyItem } from '../../../lib/api/journeys';
import { NotFoundError } from '../../../lib/api/errors';
import { buildCanvasView } from '../../../lib/canvas/view-model';
import { formatDateTime, formatRelative } from '../../../lib/format';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const db = getDb();
  try {
    const item = await getJourneyItem(db, id);
    const [journey, versions] = await Promise.all([
      getJourney(db, id),
      listJourneyVersions(db, id),
    ]);
    if (!journey) return null;
    return {
      item,
      journey,
      versions,
      counts: await nodeCounts(
        db,
        versions.map((v) => v.id),
      ),
    };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<{ title: string }> {
  const { id } = await params;
  const data = await load(id);
  return { title: data?.journey.name ?? 'Journey not found' };
}

export default async function JourneyPage({ params }: Props) {
  const { id } = await params;
  const data = await load(id);
  if (!data) notFound();
  const { item, journey, versions, counts } = data;

  const result = compile(journey.graph);
  const errors = result.ok ? [] : result.errors;
  const view = buildCanvasView(journey.graph, { errors, counts });
  const windowDays = result.ok ? result.ir.windowDays : null;

  return (
    <main className="flex h-[calc(100vh-3.5rem)] flex-col">
      <div className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
        <div className="min-w-0">
          <div className="text-xs text-slate-500">
            <Link href="/journeys" className="hover:text-slate-800">
              Journeys
            </Link>{' '}
            /
          </div>
          <div className="flex items-center gap-3">
            <h1
              data-testid="journey-name"
              className="truncate text-lg font-semibold tracking-tight"
            >
              {journey.name}
            </h1>
            <StatusBadge status={item.status} />
          </div>
          {journey.description && (
            <p className="mt-0.5 max-w-3xl truncate text-xs text-slate-500">
              {journey.description}
            </p>
          )}
        </div>
        <dl className="flex items-center gap-6 text-sm">
          <div>
            <dt className="text-[11px] text-slate-500">Live version</dt>
            <dd data-testid="journey-live-version" className="font-semibold tabular-nums">
              {item.liveVersion === null ? 'none' : `v${item.liveVersion}`}
            </dd>
          </div>
          <div>
            <dt className="text-[11px] text-slate-500">Right now</dt>
            <dd data-testid="journey-running" className="font-semibold tabular-nums">
              {item.runningCustomers} customer{item.runningCustomers === 1 ? '' : 's'} inside
            </dd>
          </div>
          <div>
            <dt className="text-[11px] text-slate-500">Draft saved</dt>
            <dd className="font-medium text-slate-700" title={formatDateTime(journey.updatedAt)}>
              {formatRelative(journey.updatedAt)}
            </dd>
          </div>
        </dl>
      </div>
      <JourneyWorkspace
        view={view}
        errors={errors}
        facts={result.ok ? result.ir.facts : null}
        windowDays={windowDays}
        versions={versions.map((v) => ({
          id: v.id,
          version: v.version,
          publishedAt: formatDateTime(v.publishedAt),
          live: v.id === journey.liveVersionId,
        }))}
      />
    </main>
  );
}
