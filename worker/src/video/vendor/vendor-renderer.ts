import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VideoRenderError, permanentFailure } from '../errors';
import { thumbnailSecond } from '../ffmpeg-args';
import { pickLanguage, resolveLayers } from '../layers';
import type { RenderOptions, VideoRenderer } from '../render-types';
import { renderDataSchema } from '../template-schema';
import { createTemplateLookup, type StoredTemplate } from '../template-store';
import type { VendorRender, VideoVendor } from './video-vendor';

export interface VendorRendererOptions {
  vendor: VideoVendor;
  templateDirs: readonly string[];
  /** Public URL prefix of the template folders' assets; without it image backgrounds become the brand colour. */
  assetBaseUrl?: string;
  callbackUrl?: string;
  pollIntervalMs?: number;
  /** Give up (retryably) when the vendor has not finished by then. */
  timeoutMs?: number;
}

function assetUrls(stored: StoredTemplate, baseUrl: string | undefined): VendorRender['assetUrls'] {
  const { background, music } = stored.template;
  const url = (file: string) =>
    /^https?:\/\//.test(file)
      ? file
      : baseUrl && !path.isAbsolute(file)
        ? `${baseUrl.replace(/\/+$/, '')}/${file}`
        : undefined;
  return {
    background: background.type === 'color' ? undefined : url(background.path),
    music: music?.type === 'file' ? url(music.path) : undefined,
  };
}

/**
 * Renders through an external vendor: starts the MP4 and the GIF, then polls both until they
 * are done. The vendor hosts the files, so its URLs are returned as they are.
 * @example createVendorRenderer({ vendor: createShotstackVendor({ apiKey }), templateDirs: [galleryDir] })
 */
export function createVendorRenderer(options: VendorRendererOptions): VideoRenderer {
  const { vendor } = options;
  const find = createTemplateLookup(options.templateDirs);
  const pollMs = options.pollIntervalMs ?? 2_000;
  const timeoutMs = options.timeoutMs ?? 90_000;

  async function untilDone(jobId: string, { signal, onProgress }: RenderOptions) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = await vendor.poll(jobId);
      onProgress?.(); // each answered poll shows the render is alive
      if (status.state === 'done') return status;
      if (status.state === 'failed')
        throw permanentFailure(`${vendor.name} render ${jobId} failed: ${status.error}`);
      if (Date.now() > deadline)
        throw new VideoRenderError(
          `${vendor.name} render ${jobId} unfinished after ${timeoutMs} ms`,
          false,
        );
      await sleep(pollMs, undefined, { signal });
    }
  }

  return {
    async render(request, renderOptions = {}) {
      const stored = await find(request.templateId);
      const data = renderDataSchema.safeParse(request.data);
      if (!data.success) throw permanentFailure(`render data is invalid: ${data.error.message}`);
      const variant = pickLanguage(stored.template, request.language);
      const base = {
        template: stored.template,
        layers: resolveLayers(stored.template, variant, data.data),
        assetUrls: assetUrls(stored, options.assetBaseUrl),
        posterAt: thumbnailSecond(stored.template),
        callbackUrl: options.callbackUrl,
      };
      const [videoJob, gifJob] = await Promise.all([
        vendor.start({ ...base, format: 'mp4' }),
        vendor.start({ ...base, format: 'gif' }),
      ]);
      const [video, gif] = await Promise.all([
        untilDone(videoJob, renderOptions),
        untilDone(gifJob, renderOptions),
      ]);
      return {
        videoUrl: video.url,
        thumbnailUrl: video.posterUrl ?? video.url,
        gifUrl: gif.url,
        cached: false,
      };
    },
  };
}
