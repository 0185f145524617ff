import { z } from 'zod';
import { VideoRenderError } from '../errors';
import type { ResolvedLayer } from '../layers';
import { resolveColour, VIDEO_WIDTH } from '../template-schema';
import type { VendorRender, VendorStatus, VideoVendor } from './video-vendor';

// Speaks Shotstack's Edit API v1 (https://shotstack.io/docs/api/): POST /render with an edit
// (timeline + output), GET /render/{id} for its status, optional `callback` webhook.

export interface ShotstackOptions {
  apiKey: string;
  /** Default https://api.shotstack.io/edit/v1 (`…/edit/stage` for the sandbox). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A text layer as an HTML clip: the vendor shapes the text with the named Noto family. */
function textClip(r: ResolvedLayer) {
  const { layer } = r;
  const shadow =
    layer.shadow > 0 ? ` text-shadow: ${layer.shadow}px ${layer.shadow}px 0 rgba(0,0,0,0.5);` : '';
  return {
    asset: {
      type: 'html',
      html: `<p>${escapeHtml(r.text)}</p>`,
      css: `p { font-family: '${r.fontFamily}'; color: ${r.colour}; font-size: ${layer.size}px; font-weight: ${layer.bold ? 'bold' : 'normal'}; text-align: ${layer.align};${shadow} }`,
      width: VIDEO_WIDTH - 96,
      height: Math.ceil(layer.size * 2.5),
    },
    start: layer.start,
    length: Number((layer.end - layer.start).toFixed(3)),
    position: 'center',
    // Offsets are fractions of the frame from the centre; positive y moves up.
    offset: { x: Number((layer.x - 0.5).toFixed(4)), y: Number((0.5 - layer.y).toFixed(4)) },
    ...(layer.fadeInMs > 0 || layer.fadeOutMs > 0
      ? {
          transition: {
            ...(layer.fadeInMs > 0 ? { in: 'fade' } : {}),
            ...(layer.fadeOutMs > 0 ? { out: 'fade' } : {}),
          },
        }
      : {}),
  };
}

/** The Shotstack edit for one render. */
export function shotstackEdit(render: VendorRender) {
  const { template, assetUrls } = render;
  const duration = template.durationSeconds;
  const text = render.layers.filter((l) => l.text !== '').map(textClip);
  const bg = template.background;
  const backgroundClip =
    bg.type !== 'color' && assetUrls.background
      ? [
          {
            clips: [
              {
                asset: { type: bg.type === 'image' ? 'image' : 'video', src: assetUrls.background },
                start: 0,
                length: duration,
                fit: 'crop',
              },
            ],
          },
        ]
      : [];
  const music = template.music;
  return {
    timeline: {
      background:
        bg.type === 'color' ? resolveColour(template, bg.color) : template.brand.background,
      ...(music?.type === 'file' && assetUrls.music
        ? { soundtrack: { src: assetUrls.music, effect: 'fadeInFadeOut', volume: music.volume } }
        : {}),
      // The first track is drawn on top.
      tracks: [{ clips: text }, ...backgroundClip],
    },
    output:
      render.format === 'mp4'
        ? {
            format: 'mp4',
            resolution: 'hd',
            fps: template.fps,
            poster: { capture: render.posterAt },
          }
        : { format: 'gif', resolution: 'preview' },
    ...(render.callbackUrl ? { callback: render.callbackUrl } : {}),
  };
}

const queuedSchema = z.object({
  success: z.literal(true),
  response: z.object({ id: z.string().min(1) }),
});
const statusSchema = z.object({
  success: z.literal(true),
  response: z.object({
    id: z.string(),
    status: z.enum([
      'queued',
      'fetching',
      'preprocessing',
      'rendering',
      'saving',
      'done',
      'failed',
    ]),
    url: z.string().nullish(),
    poster: z.string().nullish(),
    error: z.string().nullish(),
  }),
});
const callbackSchema = z.object({
  type: z.literal('edit'),
  action: z.literal('render'),
  id: z.string().min(1),
  status: z.enum(['done', 'failed']),
  url: z.string().nullish(),
  error: z.string().nullish(),
});

function toStatus(
  status: string,
  url?: string | null,
  poster?: string | null,
  error?: string | null,
): VendorStatus {
  if (status === 'failed') return { state: 'failed', error: error || 'no reason given' };
  if (status === 'done' && url)
    return { state: 'done', url, ...(poster ? { posterUrl: poster } : {}) };
  return { state: 'pending' };
}

/**
 * The Shotstack adapter. HTTP 4xx (bad edit, bad key) is permanent; 429, 5xx and network
 * errors are retryable.
 * @example const vendor = createShotstackVendor({ apiKey: process.env.SHOTSTACK_API_KEY! });
 */
export function createShotstackVendor(options: ShotstackOptions): VideoVendor {
  const baseUrl = (options.baseUrl ?? 'https://api.shotstack.io/edit/v1').replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers: {
          'x-api-key': options.apiKey,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new VideoRenderError(
        `shotstack ${method} ${path}: ${error instanceof Error ? error.message : error}`,
        false,
        { cause: error },
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const retryable = response.status === 429 || response.status >= 500;
      throw new VideoRenderError(
        `shotstack ${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`,
        !retryable,
      );
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new VideoRenderError(
        `shotstack ${method} ${path} answered non-JSON: ${text.slice(0, 200)}`,
        false,
      );
    }
  }

  return {
    name: 'shotstack',
    async start(render) {
      const parsed = queuedSchema.safeParse(await call('POST', '/render', shotstackEdit(render)));
      if (!parsed.success)
        throw new VideoRenderError(
          `shotstack queued answer unexpected: ${parsed.error.message}`,
          false,
        );
      return parsed.data.response.id;
    },
    async poll(jobId) {
      const parsed = statusSchema.safeParse(
        await call('GET', `/render/${encodeURIComponent(jobId)}`),
      );
      if (!parsed.success)
        throw new VideoRenderError(
          `shotstack status answer unexpected: ${parsed.error.message}`,
          false,
        );
      const { status, url, poster, error } = parsed.data.response;
      return toStatus(status, url, poster, error);
    },
    parseCallback(body) {
      const parsed = callbackSchema.safeParse(body);
      if (!parsed.success) return null;
      const { id, status, url, error } = parsed.data;
      return { jobId: id, status: toStatus(status, url, null, error) };
    },
  };
}
