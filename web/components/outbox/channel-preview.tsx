import { EmailPreview } from './email-preview';
import { CHANNEL_NAMES, type PreviewMessage, type SenderIdentity } from './preview-message';
import { PushPreview } from './push-preview';
import { SmsPreview } from './sms-preview';
import { WhatsAppPreview } from './whatsapp-preview';

/** The message drawn the way its channel would show it to the customer. */
export function ChannelPreview({
  message,
  sender,
}: {
  message: PreviewMessage;
  sender: SenderIdentity;
}) {
  switch (message.channel) {
    case 'email':
      return <EmailPreview message={message} from={sender.emailFrom} />;
    case 'sms':
      return <SmsPreview message={message} senderId={sender.smsSenderId} />;
    case 'push':
      return <PushPreview message={message} appName={sender.appName} />;
    default:
      return <WhatsAppPreview message={message} />;
  }
}

/** An outbox entry: the caption (template, category, language, provider) over the preview. */
export function OutboxEntry({
  message,
  sender,
}: {
  message: PreviewMessage;
  sender: SenderIdentity;
}) {
  return (
    <article
      data-testid="outbox-message"
      data-message-id={message.id}
      data-template-id={message.templateId}
      data-customer-id={message.customerId}
      data-channel={message.channel}
      data-status={message.status}
      className="flex flex-col gap-2"
    >
      <div className="flex flex-wrap items-center gap-1.5 text-[11px] text-slate-500">
        <span className="rounded bg-slate-800 px-1.5 py-0.5 font-medium text-white">
          {CHANNEL_NAMES[message.channel] ?? message.channel}
        </span>
        <span className="font-mono text-slate-700">{message.templateId}</span>
        <span
          className={`rounded px-1.5 py-0.5 uppercase ${
            message.category === 'marketing'
              ? 'bg-amber-100 text-amber-800'
              : 'bg-sky-100 text-sky-800'
          }`}
        >
          {message.category}
        </span>
        {message.language && (
          <span data-testid="preview-language" className="rounded bg-slate-100 px-1.5 py-0.5">
            {message.language}
          </span>
        )}
        {message.fallbackOf && (
          <span className="rounded bg-violet-100 px-1.5 py-0.5 text-violet-800">fallback</span>
        )}
        <span className="ml-auto">{message.provider}</span>
      </div>
      <ChannelPreview message={message} sender={sender} />
    </article>
  );
}
