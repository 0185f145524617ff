import { clockTime, type PreviewMessage } from './preview-message';
import { StatusTicks } from './status-ticks';

/** A push notification on a lock screen: app, title, body, optional image. */
export function PushPreview({ message, appName }: { message: PreviewMessage; appName: string }) {
  return (
    <div className="rounded-2xl bg-gradient-to-br from-indigo-900 to-slate-800 p-4">
      <div className="rounded-xl bg-white/90 p-3 shadow backdrop-blur">
        <div className="flex items-center gap-2 text-[11px] text-slate-500">
          <span className="grid size-5 place-items-center rounded-md bg-indigo-600 text-[10px] font-semibold text-white">
            य
          </span>
          {appName} · {clockTime(message.at)}
          <span className="ml-auto">
            <StatusTicks status={message.status} errorCode={message.errorCode} />
          </span>
        </div>
        {message.subject && (
          <div
            data-testid="preview-subject"
            className="mt-1.5 text-sm font-semibold text-slate-900"
          >
            {message.subject}
          </div>
        )}
        <p data-testid="preview-body" className="text-[13px] text-slate-700">
          {message.body}
        </p>
        {message.media?.kind === 'image' && (
          <img
            src={message.media.url}
            alt=""
            className="mt-2 max-h-32 w-full rounded-md object-cover"
          />
        )}
      </div>
    </div>
  );
}
