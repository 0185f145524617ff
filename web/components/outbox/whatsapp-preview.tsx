import Link from 'next/link';
import { PersonIcon } from '../icons';
import { MediaHeader } from './media-header';
import { clockTime, type PreviewMessage } from './preview-message';
import { StatusTicks } from './status-ticks';

/**
 * A WhatsApp message on a phone, as the business sent it: the customer's chat header, the
 * template's header image or video, the body in a green bubble, time and delivery ticks.
 */
export function WhatsAppPreview({ message }: { message: PreviewMessage }) {
  const initial = message.recipientName?.match(/^\p{L}/u)?.[0]?.toUpperCase();
  return (
    <div className="mx-auto w-full max-w-[320px] rounded-[2rem] border-[6px] border-slate-900 bg-slate-900 shadow-lg">
      <div className="overflow-hidden rounded-[1.6rem]">
        <header className="flex items-center gap-2.5 bg-[#075e54] px-3 pt-4 pb-2.5 text-white">
          <span
            aria-hidden
            className="grid size-8 shrink-0 place-items-center rounded-full bg-white/20 text-sm font-semibold"
          >
            {initial ?? <PersonIcon className="size-4" />}
          </span>
          <div className="min-w-0 flex-1">
            <Link
              href={`/customers/${encodeURIComponent(message.customerId)}`}
              className="block truncate text-sm font-medium hover:underline"
            >
              {message.recipientName ?? message.recipient}
            </Link>
            <div className="truncate text-[11px] text-white/70">{message.recipient}</div>
          </div>
        </header>
        <div className="min-h-40 bg-[#efeae2] px-2.5 py-3">
          <div
            data-testid="whatsapp-bubble"
            className="ml-auto max-w-[88%] rounded-lg rounded-tr-none bg-[#d9fdd3] p-1 text-[13px] text-slate-800 shadow-sm"
          >
            {message.media && <MediaHeader media={message.media} />}
            <p className="px-1.5 pt-1 whitespace-pre-wrap" data-testid="preview-body">
              {message.body}
            </p>
            <div className="flex items-center justify-end gap-1 px-1.5 pb-0.5 text-[10px] text-slate-500">
              {clockTime(message.at)}
              <StatusTicks status={message.status} errorCode={message.errorCode} />
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
