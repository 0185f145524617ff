import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { VideoRenderRequest } from '@yatra/nodes';
import { buildAss } from './ass';
import { renderKey } from './cache-key';
import { permanentFailure } from './errors';
import { buildFfmpegArgs } from './ffmpeg-args';
import { runFfmpeg as defaultRunFfmpeg, type RunFfmpeg } from './ffmpeg';
import { pickLanguage, resolveLayers } from './layers';
import { createLimiter } from './limiter';
import {
  withProgress,
  type RenderOptions,
  type RenderOutcome,
  type VideoRenderer,
} from './render-types';
import { renderDataSchema } from './template-schema';
import { assetPath, createTemplateLookup, type StoredTemplate } from './template-store';

export interface LocalRendererOptions {
  /** Where finished files live, named by content: `<sha256>.mp4|.jpg|.gif`. */
  cacheDir: string;
  /** Public URL prefix the web app serves `cacheDir` at, e.g. http://localhost:3000/api/media. */
  publicBaseUrl: string;
  /** Template folders, later ones overriding earlier ones (see loadTemplates). */
  templateDirs: readonly string[];
  ffmpegPath?: string;
  /** Injected by tests to count or break ffmpeg runs. */
  runFfmpeg?: RunFfmpeg;
  /** Renders at once; more queue (default 2, one per core of the reference machine). */
  concurrency?: number;
}

/** The three files of one render, by its key. */
export function renderFiles(cacheDir: string, key: string) {
  return {
    video: path.join(cacheDir, `${key}.mp4`),
    thumbnail: path.join(cacheDir, `${key}.jpg`),
    gif: path.join(cacheDir, `${key}.gif`),
  };
}

/** True when all three files of a render exist: the cache hit test. */
async function complete(files: ReturnType<typeof renderFiles>): Promise<boolean> {
  const present = await Promise.all(
    Object.values(files).map((file) =>
      stat(file).then(
        (s) => s.isFile() && s.size > 0,
        () => false,
      ),
    ),
  );
  return present.every(Boolean);
}

/** Everything one render needs, resolved and validated. */
interface RenderJob {
  stored: StoredTemplate;
  variant: string;
  data: Record<string, string>;
  key: string;
  backgroundPath?: string;
  musicPath?: string;
}

/**
 * The local renderer: ffmpeg + libass on this machine, behind a content-addressed cache. The
 * same template, data and renderer version always map to the same files; a cached render
 * answers without starting ffmpeg, and concurrent identical requests share one render.
 * @example
 * const renderer = createLocalRenderer({ cacheDir, publicBaseUrl, templateDirs: [galleryDir] });
 * const { videoUrl } = await renderer.render({ templateId: 'order_confirmation', data: { name: 'Asha' }, language: 'hi' });
 */
export function createLocalRenderer(options: LocalRendererOptions): VideoRenderer {
  const run = options.runFfmpeg ?? defaultRunFfmpeg;
  const ffmpegPath = options.ffmpegPath ?? 'ffmpeg';
  const limit = createLimiter(options.concurrency ?? 2);
  const inFlight = new Map<string, Promise<void>>();
  const digests = new Map<string, string>();
  const find = createTemplateLookup(options.templateDirs);
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, '');

  /** sha256 of an asset, remembered while its size and mtime stay the same. */
  async function digest(file: string): Promise<string> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw permanentFailure(`asset not found: ${file}`);
    const memo = `${file}:${info.size}:${info.mtimeMs}`;
    const known = digests.get(memo);
    if (known) return known;
    const hash = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    digests.set(memo, hash);
    return hash;
  }

  async function produce(job: RenderJob, signal?: AbortSignal): Promise<void> {
    const files = renderFiles(options.cacheDir, job.key);
    if (await complete(files)) return; // another process finished it meanwhile
    await mkdir(options.cacheDir, { recursive: true });
    // Work in a private folder, then rename: readers never see a half-written file, and two
    // processes rendering the same key both end with the same complete files.
    const work = await mkdtemp(path.join(options.cacheDir, `.work-${job.key.slice(0, 12)}-`));
    try {
      const layers = resolveLayers(job.stored.template, job.variant, job.data);
      await writeFile(path.join(work, 'subs.ass'), buildAss(layers));
      const tmp = renderFiles(work, 'out');
      const args = buildFfmpegArgs({
        template: job.stored.template,
        backgroundPath: job.backgroundPath,
        musicPath: job.musicPath,
        assFile: 'subs.ass',
        outputs: tmp,
      });
      await run(args, { ffmpegPath, cwd: work, signal });
      // The MP4 last: the web serves files by name, and all three exist once it does.
      await rename(tmp.thumbnail, files.thumbnail);
      await rename(tmp.gif, files.gif);
      await rename(tmp.video, files.video);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  /** Validates the request and resolves the template, its assets and the cache key. */
  async function plan(request: VideoRenderRequest): Promise<RenderJob> {
    const stored = await find(request.templateId);
    const data = renderDataSchema.safeParse(request.data);
    if (!data.success) {
      const issues = data.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw permanentFailure(`render data is invalid: ${issues.join('; ')}`);
    }
    const { background, music } = stored.template;
    const assetDigests: Record<string, string> = {};
    const job: RenderJob = { stored, variant: '', data: data.data, key: '' };
    if (background.type !== 'color') {
      job.backgroundPath = assetPath(stored, background.path);
      assetDigests[background.path] = await digest(job.backgroundPath);
    }
    if (music?.type === 'file') {
      job.musicPath = assetPath(stored, music.path);
      assetDigests[music.path] = await digest(job.musicPath);
    }
    job.variant = pickLanguage(stored.template, request.language);
    job.key = renderKey({
      template: stored.template,
      language: job.variant,
      data: data.data,
      assetDigests,
    });
    return job;
  }

  return {
    async render(request, renderOptions: RenderOptions = {}): Promise<RenderOutcome> {
      const job = await plan(request);
      const files = renderFiles(options.cacheDir, job.key);
      const urls = {
        videoUrl: `${baseUrl}/${path.basename(files.video)}`,
        thumbnailUrl: `${baseUrl}/${path.basename(files.thumbnail)}`,
        gifUrl: `${baseUrl}/${path.basename(files.gif)}`,
      };
      if (await complete(files)) return { ...urls, cached: true };
      let pending = inFlight.get(job.key);
      if (!pending) {
        pending = limit(() => produce(job, renderOptions.signal)).finally(() =>
          inFlight.delete(job.key),
        );
        inFlight.set(job.key, pending);
      }
      await withProgress(() => pending, renderOptions.onProgress);
      return { ...urls, cached: false };
    },
  };
}
