import { z } from 'zod';
import { defineNode } from '../../contract/define-node';

/** True for a service error that retrying cannot fix (see `NodeContext.media`). */
function isPermanent(error: unknown): error is Error {
  return error instanceof Error && Reflect.get(error, 'permanent') === true;
}

/**
 * Renders a personalized video (MP4, thumbnail, GIF) from a template and run facts. Later nodes
 * read `{{outputs.<id>.videoUrl}}`, `thumbnailUrl` and `gifUrl`. When the render fails for good
 * the run takes `fallback`, so the journey can send the GIF or a text message instead.
 */
export default defineNode({
  type: 'media.render_video',
  version: 1,
  title: 'Render video',
  category: 'media',
  icon: '🎬',
  description:
    'Renders a personalized 720p video with a thumbnail and a GIF from a template; "fallback" fires when rendering fails.',
  kind: 'action',
  ports: ['next', 'fallback'],
  config: z.object({
    templateId: z
      .string()
      .min(1)
      .describe('Video template: order_confirmation, unboxing_tip, loyalty_status, or your own'),
    data: z
      .record(z.string(), z.string())
      .default({})
      .describe('Placeholder values: templates over the run facts, e.g. {{customer.name}}'),
    language: z
      .string()
      .min(1)
      .default('{{customer.language|en}}')
      .describe("Picks the template's text variant and font; a template over the run facts"),
  }),
  example: {
    templateId: 'order_confirmation',
    data: {
      name: '{{customer.name|there}}',
      sku: '{{trigger.properties.items.0.sku}}',
      eta: '{{trigger.properties.eta|in 3 days}}',
    },
  },
  async run(ctx, cfg) {
    if (!ctx.media) {
      return { port: 'fallback', output: { error: 'no video renderer in this host' } };
    }
    const data = Object.fromEntries(
      Object.entries(cfg.data).map(([key, template]) => [key, ctx.render(template)]),
    );
    const language = ctx.render(cfg.language).trim().toLowerCase() || 'en';
    ctx.heartbeat();
    try {
      const video = await ctx.media.renderVideo({ templateId: cfg.templateId, data, language });
      return {
        port: 'next',
        output: {
          videoUrl: video.videoUrl,
          thumbnailUrl: video.thumbnailUrl,
          gifUrl: video.gifUrl,
        },
      };
    } catch (error) {
      // Permanent: fall back now. Anything else is retried by the activity, and the workflow
      // routes a step that fails for good to `failurePort` below.
      if (!isPermanent(error)) throw error;
      ctx.logger.warn('video render failed, taking fallback', { error: error.message });
      return { port: 'fallback', output: { error: error.message } };
    }
  },
  failurePort: 'fallback',
  // A 20 s render takes a few seconds on two cores; the timeout bounds a stuck one, the
  // heartbeat notices a dead worker sooner, and three attempts ride out a transient fault.
  timeoutMs: 120_000,
  heartbeatTimeoutMs: 20_000,
  retry: { maximumAttempts: 3, initialIntervalMs: 2_000 },
});
