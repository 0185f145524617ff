import type { PreviewMedia } from './preview-message';

/**
 * A template's header media as the chat shows it: an image, a video (its poster with a play
 * button; it plays on click), or a document chip.
 */
export function MediaHeader({ media }: { media: PreviewMedia }) {
  if (media.kind === 'video')
    return (
      <div
        data-testid="preview-media"
        data-kind="video"
        className="relative overflow-hidden rounded-md bg-slate-900"
      >
        <video
          src={media.url}
          poster={media.poster}
          controls
          preload="none"
          playsInline
          className="aspect-video w-full object-cover"
        />
        {media.poster && (
          <span className="pointer-events-none absolute top-1.5 left-1.5 rounded bg-black/50 px-1.5 py-0.5 text-[10px] text-white">
            ▶ video
          </span>
        )}
      </div>
    );
  if (media.kind === 'image')
    return (
      <img
        data-testid="preview-media"
        data-kind="image"
        src={media.url}
        alt="Header image"
        className="aspect-video w-full rounded-md bg-slate-200 object-cover"
      />
    );
  return (
    <a
      data-testid="preview-media"
      data-kind="document"
      href={media.url}
      className="flex items-center gap-2 rounded-md bg-black/5 px-2.5 py-2 text-xs text-slate-700"
    >
      📄 <span className="truncate">{media.url.split('/').at(-1)}</span>
    </a>
  );
}
