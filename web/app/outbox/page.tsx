import Link from 'next/link';
import { getDb, listMessages, type Message } from '@yatra/db';
import { AutoRefresh } from '../../components/auto-refresh';
import { EmptyState, Page, PageHeader } from '../../components/ui';
import { formatDateTime, formatTime } from '../../lib/format';
import { InboxIcon, PersonIcon } from '../../components/icons';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Outbox' };

type Props = { searchParams: Promise<{ customerId?: string | string[] }> };

const channelName: Record<string, string> = {
  whatsapp: 'WhatsApp',
  email: 'Email',
  sms: 'SMS',
  push: 'Push',
};

/** The first letter of the `name` variable, WhatsApp-avatar style. */
function initial(message: Message): string | undefined {
  const name = message.variables.name;
  return typeof name === 'string' && /^\p{L}/u.test(name) ? name[0]?.toUpperCase() : undefined;
}

function Bubble({ message }: { message: Message }) {
  const variables = Object.entries(message.variables);
  return (
    <article
      data-testid="outbox-message"
      data-message-id={message.id}
      data-template-id={message.templateId}
      data-customer-id={message.customerId}
      className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm"
    >
      <header className="flex items-center gap-3 bg-[#075e54] px-4 py-2.5 text-white">
        <span
          aria-hidden
          className="grid size-8 place-items-center rounded-full bg-white/20 text-sm font-semibold"
        >
          {initial(message) ?? <PersonIcon className="size-4" />}
        </span>
        <div className="min-w-0 flex-1">
          <Link
            href={`/customers/${encodeURIComponent(message.customerId)}`}
            className="block truncate text-sm font-medium hover:underline"
          >
            {message.recipient ?? message.customerId}
          </Link>
          <div className="truncate text-[11px] text-white/70">
            {channelName[message.channel] ?? message.channel} · {message.provider} ·{' '}
            {message.customerId}
          </div>
        </div>
      </header>
      <div className="bg-[#efeae2] px-3 py-4">
        <div className="ml-auto max-w-[92%] rounded-lg rounded-tr-none bg-[#d9fdd3] px-3 py-2 text-sm text-slate-800 shadow-sm">
          <div className="mb-1 flex items-center gap-2">
            <span className="font-mono text-xs font-semibold text-emerald-900">
              {message.templateId}
            </span>
            <span className="rounded bg-white/60 px-1 text-[10px] text-emerald-800 uppercase">
              {message.category}
            </span>
          </div>
          {message.body && <p className="whitespace-pre-wrap">{message.body}</p>}
          {variables.length > 0 && (
            <dl className="mt-1 space-y-0.5 text-xs">
              {variables.map(([key, value]) => (
                <div key={key} className="flex gap-1.5">
                  <dt className="text-emerald-800/70">{key}</dt>
                  <dd className="font-medium break-all">
                    {typeof value === 'string' ? value : JSON.stringify(value)}
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <div
            className="mt-1 text-right text-[10px] text-slate-500"
            title={`Journey time ${formatDateTime(message.createdAt)} · written ${formatDateTime(message.sentAt)}`}
          >
            {formatDateTime(message.createdAt).replace(/, \d\d:\d\d$/, '')} ·{' '}
            {formatTime(message.createdAt)}{' '}
            <span className={message.status === 'failed' ? 'text-red-600' : 'text-sky-500'}>
              {message.status === 'failed' ? '⚠ failed' : '✓✓'}
            </span>
          </div>
        </div>
      </div>
    </article>
  );
}

export default async function OutboxPage({ searchParams }: Props) {
  const { customerId: raw } = await searchParams;
  const customerId = Array.isArray(raw) ? raw[0] : raw;
  const messages = await listMessages(getDb(), { customerId, limit: 200 });
  return (
    <Page>
      <AutoRefresh seconds={4} />
      <PageHeader
        title="Outbox"
        description={
          customerId ? (
            <>
              Messages to <span className="font-mono">{customerId}</span>, newest first ·{' '}
              <Link href="/outbox" className="text-indigo-600 hover:underline">
                show everyone
              </Link>
            </>
          ) : (
            'The sandbox outbox: every message journeys sent, newest first. Nothing here left the machine.'
          )
        }
      />
      {messages.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title="No messages yet">
          When a published journey reaches a <em>Send message</em> step, the message lands here
          instead of reaching a real phone.
        </EmptyState>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {messages.map((m) => (
            <Bubble key={m.id} message={m} />
          ))}
        </div>
      )}
    </Page>
  );
}
