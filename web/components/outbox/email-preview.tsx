import { clockTime, type PreviewMessage } from './preview-message';
import { StatusTicks } from './status-ticks';

/** An email as a mail client shows it: subject, from, to, body and the unsubscribe footer. */
export function EmailPreview({ message, from }: { message: PreviewMessage; from: string }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="flex items-center gap-1.5 border-b border-slate-100 bg-slate-50 px-3 py-2">
        <span className="size-2.5 rounded-full bg-red-300" aria-hidden />
        <span className="size-2.5 rounded-full bg-amber-300" aria-hidden />
        <span className="size-2.5 rounded-full bg-emerald-300" aria-hidden />
      </div>
      <div className="space-y-3 px-4 py-3">
        <h3 data-testid="preview-subject" className="text-base font-semibold text-slate-900">
          {message.subject ?? <span className="text-slate-400 italic">(no subject)</span>}
        </h3>
        <dl className="grid grid-cols-[3rem_1fr] gap-y-0.5 text-xs">
          <dt className="text-slate-400">From</dt>
          <dd data-testid="preview-from" className="truncate text-slate-700">
            {from}
          </dd>
          <dt className="text-slate-400">To</dt>
          <dd className="truncate text-slate-700">{message.recipient}</dd>
          <dt className="text-slate-400">At</dt>
          <dd className="flex items-center gap-2 text-slate-700">
            {clockTime(message.at)}{' '}
            <StatusTicks status={message.status} errorCode={message.errorCode} />
          </dd>
        </dl>
        {message.media?.kind === 'image' && (
          <img src={message.media.url} alt="" className="max-h-40 w-full rounded-md object-cover" />
        )}
        <p
          data-testid="preview-body"
          className="text-sm leading-relaxed whitespace-pre-wrap text-slate-800"
        >
          {message.body}
        </p>
      </div>
      <footer
        data-testid="preview-unsubscribe"
        className="border-t border-slate-100 bg-slate-50 px-4 py-2.5 text-[11px] text-slate-500"
      >
        {message.category === 'marketing'
          ? 'You get these emails because you agreed to offers from us. '
          : 'A service email about your account or order. '}
        <span className="font-medium text-indigo-600 underline">Unsubscribe</span> in one click.
      </footer>
    </div>
  );
}
