import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { galleryDir } from '../template-store';
import { createShotstackVendor } from './shotstack';
import { createVendorRenderer } from './vendor-renderer';

// The Shotstack adapter against a local server that speaks (and checks) Shotstack's Edit API:
// the request shape, polling to done, the answers that mean retry and those that mean give up.

const API_KEY = 'test-key';

/** What the fake accepts: the parts of Shotstack's edit schema the adapter uses. */
const editSchema = z.object({
  timeline: z.object({
    background: z.string().regex(/^#[0-9A-F]{6}$/i),
    soundtrack: z.object({ src: z.url(), effect: z.string(), volume: z.number() }).optional(),
    tracks: z
      .array(
        z.object({
          clips: z
            .array(
              z.object({
                asset: z.discriminatedUnion('type', [
                  z.object({
                    type: z.literal('html'),
                    html: z.string().min(1),
                    css: z.string(),
                    width: z.number().int().positive(),
                    height: z.number().int().positive(),
                  }),
                  z.object({ type: z.enum(['image', 'video']), src: z.url() }),
                ]),
                start: z.number().min(0),
                length: z.number().positive(),
                position: z.string().optional(),
                offset: z
                  .object({ x: z.number().min(-10).max(10), y: z.number().min(-10).max(10) })
                  .optional(),
                transition: z
                  .object({ in: z.string().optional(), out: z.string().optional() })
                  .optional(),
                fit: z.string().optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  }),
  output: z.object({
    format: z.enum(['mp4', 'gif']),
    resolution: z.enum(['preview', 'mobile', 'sd', 'hd', '1080']),
    fps: z.number().optional(),
    poster: z.object({ capture: z.number() }).optional(),
  }),
  callback: z.url().optional(),
});

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

const received: Received[] = [];
const jobs = new Map<string, { format: string; polls: number; fail: boolean }>();
let outage = 0; // answer this many requests with 503 first
let server: Server;
let baseUrl: string;

const send = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (c: string) => (text += c));
    req.on('end', () => {
      const body: unknown = text ? JSON.parse(text) : undefined;
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (outage > 0) {
        outage--;
        return send(res, 503, { success: false, message: 'Service Unavailable' });
      }
      if (req.headers['x-api-key'] !== API_KEY)
        return send(res, 403, { success: false, message: 'Forbidden' });
      if (req.method === 'POST' && req.url === '/edit/v1/render') {
        if (req.headers['content-type'] !== 'application/json')
          return send(res, 415, { success: false, message: 'JSON only' });
        const edit = editSchema.safeParse(body);
        if (!edit.success)
          return send(res, 400, {
            success: false,
            message: 'Bad Request',
            response: edit.error.issues,
          });
        const id = `job-${jobs.size + 1}`;
        jobs.set(id, { format: edit.data.output.format, polls: 0, fail: text.includes('FAIL') });
        return send(res, 201, {
          success: true,
          message: 'Created',
          response: { message: 'Render Successfully Queued', id },
        });
      }
      const poll = /^\/edit\/v1\/render\/([\w-]+)$/.exec(req.url ?? '');
      const job = poll?.[1] ? jobs.get(poll[1]) : undefined;
      if (req.method === 'GET' && poll?.[1] && job) {
        job.polls++;
        const id = poll[1];
        const status = job.fail ? 'failed' : job.polls < 2 ? 'rendering' : 'done';
        return send(res, 200, {
          success: true,
          message: 'OK',
          response: {
            id,
            owner: 'o1',
            status,
            error: job.fail ? 'Font not found' : '',
            url: status === 'done' ? `https://cdn.example/${id}.${job.format}` : null,
            poster:
              status === 'done' && job.format === 'mp4'
                ? `https://cdn.example/${id}-poster.jpg`
                : null,
          },
        });
      }
      send(res, 404, { success: false, message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  baseUrl = `http://127.0.0.1:${address.port}/edit/v1`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const renderer = (apiKey = API_KEY) =>
  createVendorRenderer({
    vendor: createShotstackVendor({ apiKey, baseUrl }),
    templateDirs: [galleryDir],
    assetBaseUrl: 'https://assets.example.com/video-templates/',
    callbackUrl: 'https://yatra.example.com/api/media/callbacks/shotstack',
    pollIntervalMs: 10,
  });

describe('Shotstack adapter', () => {
  it('starts an MP4 and a GIF render, polls them to done and returns their URLs', async () => {
    received.length = 0;
    let progress = 0;
    const outcome = await renderer().render(
      { templateId: 'unboxing_tip', language: 'hi', data: { name: 'आशा', sku: 'सीरम' } },
      { onProgress: () => progress++ },
    );
    const posts = received.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    const byFormat = Object.fromEntries(
      posts.map((p) => [editSchema.parse(p.body).output.format, p]),
    );
    const mp4Id = `job-${posts.indexOf(byFormat.mp4!) + 1}`;
    const gifId = `job-${posts.indexOf(byFormat.gif!) + 1}`;
    expect(outcome).toEqual({
      videoUrl: `https://cdn.example/${mp4Id}.mp4`,
      thumbnailUrl: `https://cdn.example/${mp4Id}-poster.jpg`,
      gifUrl: `https://cdn.example/${gifId}.gif`,
      cached: false,
    });
    expect(received.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(4);
    expect(progress).toBe(received.filter((r) => r.method === 'GET').length);

    const edit = editSchema.parse(byFormat.mp4?.body);
    expect(byFormat.mp4?.headers).toMatchObject({
      'x-api-key': API_KEY,
      accept: 'application/json',
    });
    expect(edit.output).toEqual({
      format: 'mp4',
      resolution: 'hd',
      fps: 25,
      poster: { capture: 3 },
    });
    expect(editSchema.parse(byFormat.gif?.body).output).toEqual({
      format: 'gif',
      resolution: 'preview',
    });
    expect(edit.callback).toBe('https://yatra.example.com/api/media/callbacks/shotstack');
    expect(edit.timeline.background).toBe('#7C2D12');
    const [text, background] = edit.timeline.tracks;
    expect(background?.clips).toEqual([
      {
        asset: {
          type: 'image',
          src: 'https://assets.example.com/video-templates/assets/unboxing-gradient.png',
        },
        start: 0,
        length: 20,
        fit: 'crop',
      },
    ]);
    const title = text?.clips[0];
    expect(title).toMatchObject({
      start: 0.5,
      length: 5.5,
      position: 'center',
      offset: { x: 0, y: 0.1 },
      transition: { in: 'fade', out: 'fade' },
      asset: { type: 'html', html: '<p>आशा, आपका सीरम आ गया है!</p>', width: 1184, height: 160 },
    });
    expect(title?.asset.type === 'html' && title.asset.css).toContain(
      "font-family: 'Noto Sans Devanagari'",
    );
    expect(text?.clips).toHaveLength(4);
  });

  it('escapes HTML in customer data', async () => {
    received.length = 0;
    await renderer().render({
      templateId: 'order_confirmation',
      language: 'en',
      data: { name: '<b>Asha</b> & co' },
    });
    const html = received
      .filter((r) => r.method === 'POST')
      .flatMap((r) => editSchema.parse(r.body).timeline.tracks[0]?.clips ?? [])
      .map((c) => (c.asset.type === 'html' ? c.asset.html : ''));
    expect(html).toContain('<p>Hi &#60;b&#62;Asha&#60;/b&#62; &#38; co!</p>');
  });

  it('makes a failed render and a refused request permanent, an outage retryable', async () => {
    await expect(
      renderer().render({
        templateId: 'order_confirmation',
        language: 'en',
        data: { name: 'FAIL' },
      }),
    ).rejects.toMatchObject({
      permanent: true,
      message: expect.stringContaining('failed: Font not found'),
    });
    await expect(
      renderer('wrong-key').render({ templateId: 'order_confirmation', language: 'en', data: {} }),
    ).rejects.toMatchObject({ permanent: true, message: expect.stringContaining('answered 403') });
    outage = 1;
    await expect(
      renderer().render({ templateId: 'order_confirmation', language: 'en', data: {} }),
    ).rejects.toMatchObject({ permanent: false, message: expect.stringContaining('answered 503') });
  });

  it('reads Shotstack callbacks', () => {
    const vendor = createShotstackVendor({ apiKey: API_KEY, baseUrl });
    expect(
      vendor.parseCallback({
        type: 'edit',
        action: 'render',
        id: 'job-9',
        owner: 'o1',
        status: 'done',
        url: 'https://cdn.example/job-9.mp4',
        error: null,
        completed: '2026-01-01T10:00:00Z',
      }),
    ).toEqual({ jobId: 'job-9', status: { state: 'done', url: 'https://cdn.example/job-9.mp4' } });
    expect(
      vendor.parseCallback({
        type: 'edit',
        action: 'render',
        id: 'job-9',
        status: 'failed',
        error: 'Bad asset',
      }),
    ).toEqual({ jobId: 'job-9', status: { state: 'failed', error: 'Bad asset' } });
    expect(vendor.parseCallback({ hello: 'world' })).toBeNull();
  });
});
