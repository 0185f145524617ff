import type { MessageStatus } from './preview-message';

const LABEL: Record<MessageStatus, string> = {
  queued: 'Queued: the provider has not answered yet',
  sent: 'Sent: the provider accepted it',
  delivered: 'Delivered to the phone',
  read: 'Read by the customer',
  failed: 'Failed',
};

/** WhatsApp-style ticks: ✓ sent, ✓✓ delivered, blue ✓✓ read; a clock while queued; ! failed. */
export function StatusTicks({ status, errorCode }: { status: MessageStatus; errorCode?: string }) {
  const title =
    status === 'failed' && errorCode ? `${LABEL.failed} (error ${errorCode})` : LABEL[status];
  return (
    <span
      data-testid="status-ticks"
      data-status={status}
      title={title}
      aria-label={title}
      className="inline-flex items-center gap-0.5 align-middle"
    >
      {status === 'queued' && <ClockGlyph />}
      {status === 'sent' && <Tick className="text-slate-500" />}
      {(status === 'delivered' || status === 'read') && (
        <DoubleTick className={status === 'read' ? 'text-[#53bdeb]' : 'text-slate-500'} />
      )}
      {status === 'failed' && (
        <span className="inline-flex items-center gap-1 font-medium text-red-600">
          <span className="grid size-3.5 place-items-center rounded-full bg-red-600 text-[9px] leading-none text-white">
            !
          </span>
          {errorCode ? `failed · ${errorCode}` : 'failed'}
        </span>
      )}
    </span>
  );
}

function Tick({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 16 11" className={`h-2.5 w-3.5 ${className}`} aria-hidden fill="none">
      <path d="M1.5 6l3.2 3.2L11.5 1.5" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

function DoubleTick({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 18 11" className={`h-2.5 w-4 ${className}`} aria-hidden fill="none">
      <path
        d="M1 6l3.2 3.2L10.5 1.5M7.5 8.5l.8.7L15.5 1.5"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}

function ClockGlyph() {
  return (
    <svg viewBox="0 0 12 12" className="size-3 text-slate-400" aria-hidden fill="none">
      <circle cx="6" cy="6" r="5" stroke="currentColor" strokeWidth="1.2" />
      <path d="M6 3v3l2 1.2" stroke="currentColor" strokeWidth="1.2" />
    </svg>
  );
}
