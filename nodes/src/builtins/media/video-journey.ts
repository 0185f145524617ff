import type { Predicate } from '../../contract/predicates';
import type { JourneyDocumentInput } from '../../journey/document';

/**
 * The shape a video step usually takes: on an event, render a video, then send it on WhatsApp
 * (URLs from `outputs.video`); if rendering fails, send the text version instead. Used by the
 * render-video tests and as a starting point for real journeys.
 * @example compile(videoThenSendJourney({ name: 'Order video', templateId: 'order_confirmation', data: { name: '{{customer.name}}' } }))
 */
export function videoThenSendJourney(options: {
  name: string;
  templateId: string;
  data: Record<string, string>;
  event?: string;
  filters?: Predicate[];
}): JourneyDocumentInput {
  return {
    name: options.name,
    nodes: [
      {
        id: 'start',
        type: 'trigger.event',
        config: { event: options.event ?? 'order.placed', filters: options.filters ?? [] },
      },
      {
        id: 'video',
        type: 'media.render_video',
        config: { templateId: options.templateId, data: options.data },
      },
      {
        id: 'send_video',
        type: 'message.send',
        config: {
          templateId: 'order_video',
          variables: {
            video: '{{outputs.video.videoUrl}}',
            thumbnail: '{{outputs.video.thumbnailUrl}}',
            gif: '{{outputs.video.gifUrl}}',
          },
        },
      },
      {
        id: 'send_text',
        type: 'message.send',
        config: { templateId: 'order_text', variables: { reason: '{{outputs.video.error}}' } },
      },
      { id: 'end', type: 'flow.exit', config: {} },
    ],
    edges: [
      { source: 'start', sourcePort: 'next', target: 'video' },
      { source: 'video', sourcePort: 'next', target: 'send_video' },
      { source: 'video', sourcePort: 'fallback', target: 'send_text' },
      { source: 'send_video', sourcePort: 'next', target: 'end' },
      { source: 'send_text', sourcePort: 'next', target: 'end' },
    ],
  };
}
