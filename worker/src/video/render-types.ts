import type { RenderedVideo, VideoRenderRequest } from '@yatra/nodes';

export interface RenderOptions {
  /** Called every few seconds while the render runs (or waits its turn): the activity heartbeats. */
  onProgress?: () => void;
  /** Aborts the render (the activity was cancelled or timed out). */
  signal?: AbortSignal;
}

/** The URLs of a render, and whether it came from the cache. */
export interface RenderOutcome extends RenderedVideo {
  cached: boolean;
}

/** Turns a template and data into a video: the local ffmpeg renderer or an external vendor. */
export interface VideoRenderer {
  render(request: VideoRenderRequest, options?: RenderOptions): Promise<RenderOutcome>;
}

/** How often a running render reports that it is alive. */
export const PROGRESS_INTERVAL_MS = 2_000;

/** Runs `task`, calling `onProgress` every interval until it settles. */
export async function withProgress<T>(
  task: () => Promise<T>,
  onProgress: (() => void) | undefined,
  intervalMs = PROGRESS_INTERVAL_MS,
): Promise<T> {
  if (!onProgress) return task();
  const timer = setInterval(onProgress, intervalMs);
  try {
    return await task();
  } finally {
    clearInterval(timer);
  }
}
