import type { NodeContext, VideoRenderRequest } from '../../contract/define-node';
import { fnv1a } from '../../contract/hash';

/**
 * The simulator's video service: renders nothing and answers placeholder URLs derived from the
 * request, so a simulation is instant and the same request always gets the same URLs.
 * @example await simulatedMedia.renderVideo({ templateId: 'order_confirmation', data: {}, language: 'en' })
 */
export const simulatedMedia: NonNullable<NodeContext['media']> = {
  async renderVideo(request: VideoRenderRequest) {
    const data = Object.entries(request.data).sort(([a], [b]) => (a < b ? -1 : 1));
    const id = `${request.templateId}-${fnv1a(JSON.stringify([request.language, data])).toString(16)}`;
    const base = `sim://videos/${id}`;
    return { videoUrl: `${base}.mp4`, thumbnailUrl: `${base}.jpg`, gifUrl: `${base}.gif` };
  },
};
