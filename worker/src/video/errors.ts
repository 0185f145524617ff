/**
 * A failed render. `permanent` means retrying cannot help (unknown template, missing asset, bad
 * data, no ffmpeg): the render-video node then takes its fallback port at once. Other failures
 * (ffmpeg crashed, vendor unavailable) are retried by the activity first.
 */
export class VideoRenderError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VideoRenderError';
  }
}

/** Shorthand for a failure no retry can fix. */
export const permanentFailure = (message: string, cause?: unknown) =>
  new VideoRenderError(message, true, { cause });
