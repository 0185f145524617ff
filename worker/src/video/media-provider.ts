import type { NodeContext } from '@yatra/nodes';
import { permanentFailure } from './errors';
import type { VideoRenderer } from './render-types';

/** What one activity attempt lends the renderer: its heartbeat and its cancellation. */
export interface MediaStepScope {
  heartbeat(): void;
  signal?: AbortSignal;
}

/**
 * Gives each action step its `ctx.media`, bound to the step's heartbeat and cancellation.
 * Mirrors ChannelProvider: the worker holds one, the activity asks it per step.
 */
export interface MediaProvider {
  forStep(scope: MediaStepScope): NonNullable<NodeContext['media']>;
}

/**
 * A media provider over a renderer; `renderer` may be a factory, called on first use so a
 * worker that never renders never reads video settings.
 * @example createMediaProvider(() => createVideoRenderer(videoSettings()))
 */
export function createMediaProvider(
  renderer: VideoRenderer | (() => VideoRenderer),
): MediaProvider {
  let instance: VideoRenderer | undefined = typeof renderer === 'function' ? undefined : renderer;
  const get = () => {
    try {
      return (instance ??= typeof renderer === 'function' ? renderer() : renderer);
    } catch (error) {
      // Misconfiguration (bad settings, missing API key): no retry fixes it.
      throw permanentFailure(error instanceof Error ? error.message : String(error), error);
    }
  };
  return {
    forStep: (scope) => ({
      async renderVideo(request) {
        const { cached: _cached, ...urls } = await get().render(request, {
          onProgress: scope.heartbeat,
          signal: scope.signal,
        });
        return urls;
      },
    }),
  };
}
