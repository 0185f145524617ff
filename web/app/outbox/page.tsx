import Link from 'next/link';
import {
  getDb,
  listMessages,
  listSendDecisions,
  listTemplates,
  type SendDecision,
} from '@yatra/db';
import { AutoRefresh } from '../../components/auto-refresh';
import { EmptyState, Page, PageHeader } from '../../components/ui';
import { InboxIcon } from '../../components/icons';
import { OutboxEntry } from '../../components/outbox/channel-preview';
import { CHANNEL_NAMES, type PreviewMessage } from '../../components/outbox/preview-message';
import { SkippedSend } from '../../components/outbox/skipped-send';
import { toPreview } from '../../components/outbox/to-preview';
import { senderIdentity } from '../../components/outbox/sender-identity';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Outbox' };

type Param = string | string[] | undefined;
type Props = { searchParams: Promise<{ customerId?: Param; channel?: Param }> };

const first = (p: Param) => (Array.isArray(p) ? p[0] : p);

type Entry =
  | { kind: 'message'; at: Date; message: PreviewMessage }
  | { kind: 'decision'; at: Date; decision: SendDecision };

function filterHref(customerId: string | undefined, channel: string | undefined): string {
  const params = new URLSearchParams();
  if (customerId) params.set('customerId', customerId);
  if (channel) params.set('channel', channel);
  const query = params.toString();
  return query ? `/outbox?${query}` : '/outbox';
}

/**
 * The sandbox outbox: every message as its channel shows it (WhatsApp on a phone with its video,
 * email with subject and unsubscribe footer, SMS with sender and DLT id), delivery ticks, and the
 * sends the rules held back, greyed with their reason. Newest first.
 */
export default async function OutboxPage({ searchParams }: Props) {
  const query = await searchParams;
  const customerId = first(query.customerId);
  const channel = first(query.channel);
  const db = getDb();
  const [messages, decisions, templates] = await Promise.all([
    listMessages(db, { customerId, limit: 200 }),
    listSendDecisions(db, { customerId, limit: 100 }),
    listTemplates(db),
  ]);
  const byId = new Map(templates.map((t) => [t.id, t]));
  const entries: Entry[] = [
    ...messages.map((m) => ({
      kind: 'message' as const,
      at: m.createdAt,
      message: toPreview(m, byId),
    })),
    ...decisions.map((d) => ({ kind: 'decision' as const, at: d.createdAt, decision: d })),
  ]
    .filter(
      (e) =>
        !channel || (e.kind === 'message' ? e.message.channel : e.decision.channel) === channel,
    )
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const sender = senderIdentity();

  return (
    <Page>
      <AutoRefresh seconds={4} />
      <PageHeader
        title="Outbox"
        description={
          customerId ? (
            <>
              Messages to <span className="font-mono">{customerId}</span>, newest first ·{' '}
              <Link
                href={filterHref(undefined, channel)}
                className="text-indigo-600 hover:underline"
              >
                show everyone
              </Link>
            </>
          ) : (
            'The sandbox outbox: every message journeys sent, as the customer would see it, newest first. Greyed cards are sends the rules held back.'
          )
        }
      />
      <nav aria-label="Channel" className="mb-5 flex flex-wrap gap-1.5 text-sm">
        {[undefined, 'whatsapp', 'email', 'sms', 'push'].map((c) => (
          <Link
            key={c ?? 'all'}
            href={filterHref(customerId, c)}
            data-testid="outbox-channel-filter"
            data-channel={c ?? 'all'}
            aria-current={c === channel ? 'page' : undefined}
            className={`rounded-full px-3 py-1 ring-1 ${
              c === channel
                ? 'bg-slate-900 text-white ring-slate-900'
                : 'bg-white text-slate-600 ring-slate-200 hover:bg-slate-50'
            }`}
          >
            {c ? (CHANNEL_NAMES[c] ?? c) : 'All'}
          </Link>
        ))}
      </nav>
      {entries.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title="No messages yet">
          When a published journey reaches a <em>Send message</em> step, the message lands here
          instead of reaching a real phone.
        </EmptyState>
      ) : (
        <div className="grid items-start gap-x-6 gap-y-8 sm:grid-cols-2 xl:grid-cols-3">
          {entries.map((e) =>
            e.kind === 'message' ? (
              <OutboxEntry key={e.message.id} message={e.message} sender={sender} />
            ) : (
              <SkippedSend key={e.decision.id} decision={e.decision} />
            ),
          )}
        </div>
      )}
    </Page>
  );
}
