import { CHANNEL_NAMES } from '../outbox/preview-message';

const CATEGORY_STYLE: Record<string, string> = {
  utility: 'bg-sky-50 text-sky-800 ring-sky-600/20',
  marketing: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  authentication: 'bg-violet-50 text-violet-800 ring-violet-600/20',
};

const STATUS_STYLE: Record<string, string> = {
  approved: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20',
  pending: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  rejected: 'bg-red-50 text-red-700 ring-red-600/20 line-through',
};

const pill =
  'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset';

/** utility (blue) · marketing (amber) · authentication (violet): the category decides the price. */
export function CategoryBadge({ category }: { category: string }) {
  return (
    <span
      data-testid="category-badge"
      data-category={category}
      className={`${pill} ${CATEGORY_STYLE[category] ?? 'bg-slate-100 text-slate-700 ring-slate-500/20'}`}
    >
      {category}
    </span>
  );
}

export function ChannelBadge({ channel }: { channel: string }) {
  return (
    <span
      data-testid="channel-badge"
      data-channel={channel}
      className={`${pill} bg-slate-800 text-white ring-slate-800`}
    >
      {CHANNEL_NAMES[channel] ?? channel}
    </span>
  );
}

/** A language chip coloured by its approval status. */
export function LanguageChip({
  language,
  status,
  isDefault,
}: {
  language: string;
  status: string;
  isDefault: boolean;
}) {
  return (
    <span
      data-testid="language-chip"
      data-language={language}
      data-status={status}
      title={`${language}: ${status}${isDefault ? ' (default: other languages fall back to it)' : ''}`}
      className={`${pill} font-mono ${STATUS_STYLE[status] ?? STATUS_STYLE.pending}`}
    >
      {language}
      {isDefault && <span aria-hidden> ★</span>}
    </span>
  );
}
