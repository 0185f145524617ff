import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getCustomerTimeline, getDb, getJourneyVersion, type TimelineItem } from '@yatra/db';
import { journeyDocumentSchema } from '@yatra/nodes';
import type { ReactNode } from 'react';
import { AutoRefresh } from '../../../components/auto-refresh';
import {
  ChatIcon,
  ClockIcon,
  EnterIcon,
  EventIcon,
  ExitIcon,
  PointsIcon,
  StepIcon,
} from '../../../components/icons';
import { LoyaltyTimelineBody } from '../../../components/loyalty/timeline-entry';
import { SendDecisionBody } from '../../../components/sending/send-decision-entry';
import { EmptyState, Page } from '../../../components/ui';
import { decodeParam } from '../../../lib/api/ids';
import { formatDateTime, formatPaise } from '../../../lib/format';
import { nodeRegistry } from '../../../lib/node-registry';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<{ title: string }> {
  const { id } = await params;
  return { title: `Customer ${decodeParam(id)}` };
}

/** nodeId → label for every version a run of this customer is on (step rows carry only ids). */
async function nodeLabels(items: TimelineItem[]): Promise<Map<string, Map<string, string>>> {
  const versionByRun = new Map<string, string>();
  for (const item of items)
    if (item.kind === 'run.entered') versionByRun.set(item.runId, item.versionId);
  const db = getDb();
  const labelsByVersion = new Map<string, Map<string, string>>();
  await Promise.all(
    [...new Set(versionByRun.values())].map(async (versionId) => {
      const version = await getJourneyVersion(db, versionId);
      const doc = journeyDocumentSchema.safeParse(version?.graph);
      const labels = new Map<string, string>();
      if (doc.success) for (const n of doc.data.nodes) if (n.label) labels.set(n.id, n.label);
      labelsByVersion.set(versionId, labels);
    }),
  );
  const byRun = new Map<string, Map<string, string>>();
  for (const [runId, versionId] of versionByRun) {
    byRun.set(runId, labelsByVersion.get(versionId) ?? new Map<string, string>());
  }
  return byRun;
}

const kindStyle: Record<TimelineItem['kind'], { icon: ReactNode; dot: string; name: string }> = {
  event: { icon: <EventIcon />, dot: 'bg-sky-100 text-sky-700', name: 'Event' },
  'run.entered': {
    icon: <EnterIcon />,
    dot: 'bg-indigo-100 text-indigo-700',
    name: 'Entered journey',
  },
  step: { icon: <StepIcon className="size-3" />, dot: 'bg-slate-100 text-slate-400', name: 'Step' },
  message: { icon: <ChatIcon />, dot: 'bg-emerald-100 text-emerald-700', name: 'Message' },
  'send.decision': { icon: <ChatIcon />, dot: 'bg-rose-100 text-rose-700', name: 'Send rule' },
  'run.exited': { icon: <ExitIcon />, dot: 'bg-amber-100 text-amber-700', name: 'Left journey' },
  loyalty: { icon: <PointsIcon />, dot: 'bg-violet-100 text-violet-700', name: 'Loyalty' },
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const PAISE_KEYS = new Set(['total', 'price', 'amount', 'subtotal']);

/** Money keys are integer paise; ISO times read better in IST. */
function displayValue(key: string, value: unknown): string {
  if (typeof value === 'number' && PAISE_KEYS.has(key)) return formatPaise(value);
  if (typeof value === 'string') return ISO_TIME.test(value) ? formatDateTime(value) : value;
  return JSON.stringify(value);
}

function Pairs({ value }: { value: Record<string, unknown> }) {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500">
      {entries.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="text-slate-400">{k}</dt>
          <dd className="max-w-xs truncate font-mono text-slate-600">{displayValue(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ItemBody({ item, label }: { item: TimelineItem; label?: string }) {
  switch (item.kind) {
    case 'event':
      return (
        <>
          <div className="font-medium">
            <code className="font-mono text-sm">{item.type}</code>
          </div>
          <Pairs value={item.properties} />
        </>
      );
    case 'run.entered':
      return (
        <div className="font-medium">
          Entered{' '}
          <Link href={`/journeys/${item.journeyId}`} className="text-indigo-600 hover:underline">
            {item.journeyName}
          </Link>{' '}
          <span className="text-sm font-normal text-slate-500">on version {item.version}</span>
        </div>
      );
    case 'run.exited':
      return (
        <div className="font-medium">
          Left{' '}
          <Link href={`/journeys/${item.journeyId}`} className="text-indigo-600 hover:underline">
            {item.journeyName}
          </Link>{' '}
          <span className="text-sm font-normal text-slate-500">
            {item.status}
            {item.exitReason ? ` · ${item.exitReason}` : ''}
          </span>
        </div>
      );
    case 'step': {
      const def = nodeRegistry.get(item.nodeType);
      return (
        <>
          <div className="font-medium">
            <span aria-hidden>{def?.icon ?? '▫️'}</span> {label ?? def?.title ?? item.nodeType}{' '}
            <span className="font-mono text-xs font-normal text-slate-400">{item.nodeId}</span>
            {item.port && (
              <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-normal text-slate-600">
                → {item.port}
              </span>
            )}
          </div>
          <Pairs value={item.detail} />
        </>
      );
    }
    case 'message':
      return (
        <>
          <div className="font-medium">
            <code className="font-mono text-sm">{item.templateId}</code>{' '}
            <span className="text-sm font-normal text-slate-500">
              via {item.channel} · {item.category} · {item.status}
              {item.recipient ? ` · to ${item.recipient}` : ''}
            </span>
          </div>
          {item.body && (
            <p className="mt-1 text-sm whitespace-pre-wrap text-slate-600">{item.body}</p>
          )}
        </>
      );
    case 'loyalty':
      return <LoyaltyTimelineBody item={item} />;
    case 'send.decision':
      return <SendDecisionBody item={item} />;
  }
}

export default async function CustomerPage({ params }: Props) {
  const { id: rawId } = await params;
  const id = decodeParam(rawId);
  const { customer, items } = await getCustomerTimeline(getDb(), id);
  if (!customer) notFound();
  const labels = await nodeLabels(items);
  const runs = items.filter((i) => i.kind === 'run.entered').length;
  // With several runs, steps and messages say which journey they belong to.
  const journeyOfRun = new Map(
    items.flatMap((i) => (i.kind === 'run.entered' ? [[i.runId, i.journeyName] as const] : [])),
  );
  const journeyTag = (item: TimelineItem): string | undefined =>
    runs > 1 &&
    (item.kind === 'step' || item.kind === 'message' || item.kind === 'send.decision') &&
    item.runId
      ? journeyOfRun.get(item.runId)
      : undefined;
  const sent = items.filter((i) => i.kind === 'message').length;

  return (
    <Page>
      <AutoRefresh seconds={4} />
      <div className="mb-6">
        <div className="text-xs text-slate-500">
          <Link href="/customers" className="hover:text-slate-800">
            Customers
          </Link>{' '}
          /
        </div>
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="customer-name">
          {customer.name ?? customer.id}
        </h1>
        <p className="mt-1 text-sm text-slate-500">
          <span className="font-mono">{customer.id}</span>
          {customer.phone && ` · ${customer.phone}`}
          {customer.email && ` · ${customer.email}`} · {customer.language} · {customer.timeZone}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {runs} journey run{runs === 1 ? '' : 's'} · {sent} message{sent === 1 ? '' : 's'} · times
          are journey time (virtual in simulations), shown in IST
        </p>
        <Link
          href={`/customers/${encodeURIComponent(customer.id)}/loyalty`}
          data-testid="customer-loyalty-link"
          className="mt-2 inline-flex items-center gap-1.5 text-sm font-medium text-indigo-600 hover:underline"
        >
          <PointsIcon /> Loyalty points and tier
        </Link>
      </div>

      {items.length === 0 ? (
        <EmptyState icon={<ClockIcon className="size-6" />} title="Nothing has happened yet">
          Events, journey steps and messages for this customer will appear here as they happen.
        </EmptyState>
      ) : (
        <ol className="relative ml-4 border-l border-slate-200" data-testid="timeline">
          {items.map((item, i) => {
            const style = kindStyle[item.kind];
            const label =
              item.kind === 'step' ? labels.get(item.runId)?.get(item.nodeId) : undefined;
            return (
              <li
                key={`${item.kind}-${i}`}
                data-testid="timeline-item"
                data-kind={item.kind}
                data-node-id={item.kind === 'step' ? item.nodeId : undefined}
                data-template-id={
                  item.kind === 'message' || item.kind === 'send.decision'
                    ? item.templateId
                    : undefined
                }
                className={`relative pl-8 ${item.kind === 'step' ? 'py-1.5' : 'py-3'}`}
              >
                <span
                  aria-hidden
                  className={`absolute -left-3.5 grid size-7 place-items-center rounded-full ring-4 ring-slate-50 ${item.kind === 'step' ? 'top-2' : 'top-4'} ${style.dot}`}
                >
                  {style.icon}
                </span>
                <div
                  className={
                    item.kind === 'step'
                      ? 'px-1 text-sm'
                      : 'rounded-lg border border-slate-200 bg-white px-4 py-2.5 shadow-sm'
                  }
                >
                  <div className="mb-0.5 flex items-center gap-2 text-[11px] tracking-wide text-slate-400 uppercase">
                    <span>{style.name}</span>
                    <span aria-hidden>·</span>
                    <time dateTime={item.at.toISOString()} className="normal-case tabular-nums">
                      {formatDateTime(item.at)}
                    </time>
                    {journeyTag(item) && (
                      <>
                        <span aria-hidden>·</span>
                        <span className="truncate normal-case">{journeyTag(item)}</span>
                      </>
                    )}
                  </div>
                  <ItemBody item={item} label={label} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Page>
  );
}
