import { clockTime, type PreviewMessage } from './preview-message';
import { StatusTicks } from './status-ticks';

/** An SMS on a phone: the DLT sender id as the contact, a grey bubble, and the DLT template id. */
export function SmsPreview({ message, senderId }: { message: PreviewMessage; senderId: string }) {
  return (
    <div className="mx-auto w-full max-w-[320px] rounded-[2rem] border-[6px] border-slate-900 bg-slate-900 shadow-lg">
      <div className="overflow-hidden rounded-[1.6rem] bg-white">
        <header className="border-b border-slate-100 px-3 pt-4 pb-2 text-center">
          <div className="mx-auto grid size-9 place-items-center rounded-full bg-slate-200 text-xs font-semibold text-slate-600">
            {senderId.slice(0, 2)}
          </div>
          <div data-testid="preview-sender" className="mt-1 text-sm font-medium text-slate-800">
            {senderId}
          </div>
          <div className="text-[10px] text-slate-400">to {message.recipient}</div>
        </header>
        <div className="min-h-32 px-3 py-3">
          <div className="max-w-[85%] rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-2 text-[13px] text-slate-800">
            <p data-testid="preview-body" className="whitespace-pre-wrap">
              {message.body}
            </p>
          </div>
          <div className="mt-1 flex items-center gap-1.5 text-[10px] text-slate-400">
            {clockTime(message.at)}
            <StatusTicks status={message.status} errorCode={message.errorCode} />
          </div>
          <div
            data-testid="preview-dlt"
            className="mt-2 inline-flex rounded bg-slate-50 px-1.5 py-0.5 font-mono text-[10px] text-slate-500 ring-1 ring-slate-200"
            title="The DLT content template id registered with the operator (TRAI)"
          >
            DLT {message.dltTemplateId ?? 'not registered'}
          </div>
        </div>
      </div>
    </div>
  );
}
