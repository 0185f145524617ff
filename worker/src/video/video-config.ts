import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createLocalRenderer } from './local-renderer';
import type { VideoRenderer } from './render-types';
import { galleryDir } from './template-store';
import { createShotstackVendor } from './vendor/shotstack';
import { createVendorRenderer } from './vendor/vendor-renderer';

/** `.data/videos` at the repository root: where `npm start` keeps its state. */
export const defaultVideoDir = fileURLToPath(new URL('../../../.data/videos', import.meta.url));

const envSchema = z.object({
  YATRA_VIDEO_DIR: z.string().min(1).optional(),
  YATRA_MEDIA_BASE_URL: z.url().optional(),
  YATRA_WEB_URL: z.url().optional(),
  YATRA_VIDEO_TEMPLATES_DIR: z.string().min(1).optional(),
  YATRA_VIDEO_PROVIDER: z.enum(['local', 'shotstack']).default('local'),
  YATRA_VIDEO_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  YATRA_FFMPEG_PATH: z.string().min(1).default('ffmpeg'),
  SHOTSTACK_API_KEY: z.string().min(1).optional(),
  SHOTSTACK_API_URL: z.url().optional(),
  SHOTSTACK_ASSET_BASE_URL: z.url().optional(),
  SHOTSTACK_CALLBACK_URL: z.url().optional(),
});

/** The renderer's settings (README "Configuration", docs/render-video.md). */
export function videoSettings(env: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`video settings: ${issues.join('; ')}`);
  }
  const e = parsed.data;
  const webUrl = (e.YATRA_WEB_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  return {
    cacheDir: path.resolve(e.YATRA_VIDEO_DIR ?? defaultVideoDir),
    publicBaseUrl: e.YATRA_MEDIA_BASE_URL ?? `${webUrl}/api/media`,
    templateDirs: [
      galleryDir,
      ...(e.YATRA_VIDEO_TEMPLATES_DIR ? [path.resolve(e.YATRA_VIDEO_TEMPLATES_DIR)] : []),
    ],
    provider: e.YATRA_VIDEO_PROVIDER,
    concurrency: e.YATRA_VIDEO_CONCURRENCY,
    ffmpegPath: e.YATRA_FFMPEG_PATH,
    shotstack: {
      apiKey: e.SHOTSTACK_API_KEY,
      baseUrl: e.SHOTSTACK_API_URL,
      assetBaseUrl: e.SHOTSTACK_ASSET_BASE_URL,
      callbackUrl: e.SHOTSTACK_CALLBACK_URL,
    },
  };
}

export type VideoSettings = ReturnType<typeof videoSettings>;

/**
 * The renderer the settings choose: the local ffmpeg renderer (default) or Shotstack.
 * @example const renderer = createVideoRenderer(videoSettings());
 */
export function createVideoRenderer(settings: VideoSettings): VideoRenderer {
  if (settings.provider === 'shotstack') {
    const { apiKey, baseUrl, assetBaseUrl, callbackUrl } = settings.shotstack;
    if (!apiKey) throw new Error('YATRA_VIDEO_PROVIDER=shotstack needs SHOTSTACK_API_KEY');
    return createVendorRenderer({
      vendor: createShotstackVendor({ apiKey, baseUrl }),
      templateDirs: settings.templateDirs,
      assetBaseUrl,
      callbackUrl,
    });
  }
  return createLocalRenderer(settings);
}
