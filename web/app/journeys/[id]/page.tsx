import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb, getJourney, listJourneyVersions } from '@yatra/db';
import { journeyDocumentSchema, migrateDocument } from '@yatra/nodes';
import { JourneyEditor } from '../../../components/editor/journey-editor';
import { Page } from '../../../components/ui';
import { getJourneyItem, validateWithRegistry } from '../../../lib/api/journeys';
import { NotFoundError } from '../../../lib/api/errors';
import { editorNodeTypes } from '../../../lib/api/nodes';
import { nodeRegistry } from '../../../lib/node-registry';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ version?: string | string[] }>;
};

// One load per request: the page and its metadata both ask for it.
const load = cache(async (id: string) => {
  const db = getDb();
  try {
    const item = await getJourneyItem(db, id);
    const [journey, versions] = await Promise.all([
      getJourney(db, id),
      listJourneyVersions(db, id),
    ]);
    return journey ? { item, journey, versions } : null;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<{ title: string }> {
  const { id } = await params;
  const data = await load(id);
  return { title: data?.journey.name ?? 'Journey not found' };
}

/**
 * The journey editor. `?version=N` opens published version N read-only (with "restore as
 * draft"). Everything the browser needs arrives as props: the document, node descriptors (no
 * node code), the first validation and the versions.
 */
export default async function JourneyPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const data = await load(id);
  if (!data) notFound();
  const { item, journey, versions } = data;

  const wanted = Number(Array.isArray(query.version) ? query.version[0] : query.version);
  const opened = Number.isInteger(wanted) ? versions.find((v) => v.version === wanted) : undefined;
  if (query.version !== undefined && !opened) notFound();

  const parsed = journeyDocumentSchema.safeParse(opened ? opened.graph : journey.graph);
  if (!parsed.success) {
    return (
      <Page>
        <h1 className="text-xl font-semibold">{journey.name}</h1>
        <p className="mt-2 text-sm text-slate-600">
          This draft is not a valid journey document, so it cannot be drawn:
        </p>
        <ul className="mt-3 space-y-1 font-mono text-xs text-red-700">
          {parsed.error.issues.map((issue, i) => (
            <li key={i}>
              {issue.path.join('.') || 'document'}: {issue.message}
            </li>
          ))}
        </ul>
        <p className="mt-4 text-sm">
          Fix it with <code>PUT /api/journeys/{id}</code>, or go back to the{' '}
          <Link href="/journeys" className="text-indigo-600 underline">
            journeys
          </Link>
          .
        </p>
      </Page>
    );
  }
  const live = versions.find((v) => v.id === journey.liveVersionId);
  const liveDoc = live ? journeyDocumentSchema.safeParse(live.graph) : null;
  // Opening a draft upgrades configs written for older node versions (the editor applies it as
  // an undoable edit); published versions open as they are: they run the versions they pinned.
  const migration = opened ? null : migrateDocument(parsed.data, nodeRegistry);

  return (
    <JourneyEditor
      key={opened?.id ?? 'draft'}
      journeyId={journey.id}
      initialDocument={parsed.data}
      nodeMigration={migration?.migrated.length || migration?.problems.length ? migration : null}
      nodeTypes={editorNodeTypes()}
      initialValidation={await validateWithRegistry(getDb(), { document: parsed.data })}
      versions={versions.map((v) => ({
        id: v.id,
        version: v.version,
        publishedAt: v.publishedAt.toISOString(),
        publishedBy: v.publishedBy,
        triggerEvent: v.triggerEvent,
        live: v.id === journey.liveVersionId,
      }))}
      liveDocument={liveDoc?.success ? liveDoc.data : null}
      runningCustomers={item.runningCustomers}
      readOnly={
        opened
          ? {
              version: opened.version,
              publishedAt: opened.publishedAt.toISOString(),
              publishedBy: opened.publishedBy,
            }
          : null
      }
    />
  );
}
