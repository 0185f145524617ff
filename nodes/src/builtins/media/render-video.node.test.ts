import { describe, expect, it } from 'vitest';
import type { NodeContext, VideoRenderRequest } from '../../contract/define-node';
import type { RunFacts } from '../../contract/facts';
import { compile } from '../../journey/compile';
import { createNodeContext } from '../../engine/node-context';
import { simulate } from '../../engine/simulate';
import type { RunState } from '../../engine/state';
import renderVideo from './render-video.node.ts';
import { simulatedMedia } from './simulated-media';
import { videoThenSendJourney } from './video-journey';

const T0 = Date.parse('2026-01-01T04:30:00.000Z');

const facts = (language = 'hi'): RunFacts => ({
  customer: { id: 'c1', name: 'आशा', language, timeZone: 'Asia/Kolkata', attributes: {} },
  trigger: {
    type: 'order.placed',
    customerId: 'c1',
    occurredAt: new Date(T0).toISOString(),
    properties: { orderId: 'o1', items: [{ sku: 'SERUM-30', qty: 1 }] },
  },
  order: { id: 'o1', status: 'placed', paymentMethod: 'cod', total: 90_000 },
  event: null,
  eventCounts: { 'order.placed': 1 },
  outputs: {},
  journey: { id: 'j1', versionId: 'v1', runId: 'r1', daysSinceEntry: 0 },
});

/** A ctx whose renderer records requests and answers with `answer`. */
function context(answer: (request: VideoRenderRequest) => Promise<unknown>, withMedia = true) {
  const requests: VideoRenderRequest[] = [];
  let heartbeats = 0;
  const state: RunState = {
    v: 1,
    run: { journeyId: 'j1', versionId: 'v1', runId: 'r1', customerId: 'c1' },
    enteredAt: T0,
    windowEndsAt: T0,
    facts: facts(),
    seq: 1,
    visits: 1,
    pending: { kind: 'exit', reason: 'test', at: T0 },
  };
  const media: NodeContext['media'] = {
    async renderVideo(request) {
      requests.push(request);
      await answer(request);
      return {
        videoUrl: 'https://m/v.mp4',
        thumbnailUrl: 'https://m/v.jpg',
        gifUrl: 'https://m/v.gif',
      };
    },
  };
  const ctx = createNodeContext(
    {
      kind: 'action',
      nodeId: 'video',
      nodeType: renderVideo.type,
      typeVersion: 1,
      config: {},
      idempotencyKey: 'r1:video:1',
    },
    state,
    {
      now: new Date(T0),
      attempt: 1,
      logger: { info: () => undefined, warn: () => undefined },
      channels: { send: async () => ({ messageId: 'm1', created: true }) },
      ...(withMedia ? { media } : {}),
      heartbeat: () => void heartbeats++,
    },
  );
  return { ctx, requests, heartbeats: () => heartbeats };
}

const config = renderVideo.config.parse(renderVideo.example);

describe('media.render_video', () => {
  it('renders the template with data and language from the run facts and exposes the URLs', async () => {
    const { ctx, requests, heartbeats } = context(async () => undefined);
    const result = await renderVideo.run?.(ctx, config);
    expect(requests).toEqual([
      {
        templateId: 'order_confirmation',
        data: { name: 'आशा', sku: 'SERUM-30', eta: 'in 3 days' },
        language: 'hi',
      },
    ]);
    expect(result).toEqual({
      port: 'next',
      output: {
        videoUrl: 'https://m/v.mp4',
        thumbnailUrl: 'https://m/v.jpg',
        gifUrl: 'https://m/v.gif',
      },
    });
    expect(heartbeats()).toBeGreaterThan(0);
  });

  it('takes fallback at once on a permanent failure, with the reason as output', async () => {
    const { ctx } = context(async () => {
      throw Object.assign(new Error('asset not found: /nope.png'), { permanent: true });
    });
    expect(await renderVideo.run?.(ctx, config)).toEqual({
      port: 'fallback',
      output: { error: 'asset not found: /nope.png' },
    });
  });

  it('rethrows other failures so the activity retries them', async () => {
    const { ctx } = context(async () => {
      throw new Error('ffmpeg was killed by SIGKILL');
    });
    await expect(renderVideo.run?.(ctx, config)).rejects.toThrow('SIGKILL');
  });

  it('takes fallback where the host has no renderer', async () => {
    const { ctx } = context(async () => undefined, false);
    expect((await renderVideo.run?.(ctx, config))?.port).toBe('fallback');
  });

  it('declares fallback as its failure port and a heartbeat timeout, both compiled into the IR', () => {
    expect(renderVideo.portsFor(config)).toEqual(['next', 'fallback']);
    expect(renderVideo.failurePort).toBe('fallback');
    const result = compile({
      name: 'video',
      nodes: [
        { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
        { id: 'video', type: 'media.render_video', config: renderVideo.example },
        { id: 'end', type: 'flow.exit', config: {} },
      ],
      edges: [
        { source: 'start', sourcePort: 'next', target: 'video' },
        { source: 'video', sourcePort: 'next', target: 'end' },
        { source: 'video', sourcePort: 'fallback', target: 'end' },
      ],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.ir.nodes.video?.activity).toEqual({
      startToCloseTimeoutMs: 120_000,
      heartbeatTimeoutMs: 20_000,
      failurePort: 'fallback',
      retry: { initialIntervalMs: 2_000, maximumAttempts: 3 },
    });
  });
});

describe('simulatedMedia', () => {
  it('answers the same placeholder URLs for the same request, without rendering', async () => {
    const request = {
      templateId: 'unboxing_tip',
      data: { name: 'Asha', sku: 'S1' },
      language: 'en',
    };
    const first = await simulatedMedia.renderVideo(request);
    expect(first.videoUrl).toMatch(/^sim:\/\/videos\/unboxing_tip-[0-9a-f]+\.mp4$/);
    expect(
      await simulatedMedia.renderVideo({ ...request, data: { sku: 'S1', name: 'Asha' } }),
    ).toEqual(first);
    expect((await simulatedMedia.renderVideo({ ...request, language: 'hi' })).videoUrl).not.toBe(
      first.videoUrl,
    );
  });

  it('lets a simulated journey hand the video URL to a later send', async () => {
    const result = compile(
      videoThenSendJourney({
        name: 'video then send',
        templateId: 'order_confirmation',
        data: { name: '{{customer.name}}' },
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const sim = await simulate(result.ir, {
      customer: {
        id: 'c1',
        name: 'Asha',
        language: 'en',
        timeZone: 'Asia/Kolkata',
        attributes: {},
      },
      entryEvent: { type: 'order.placed', properties: { orderId: 'o1' } },
    });
    expect(sim.messages.map((m) => m.templateId)).toEqual(['order_video']);
    expect(sim.messages[0]?.variables.video).toMatch(
      /^sim:\/\/videos\/order_confirmation-[0-9a-f]+\.mp4$/,
    );
  });
});
