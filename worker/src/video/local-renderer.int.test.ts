import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VideoRenderRequest } from '@yatra/nodes';
import { runFfmpeg, type RunFfmpeg } from './ffmpeg';
import { createLocalRenderer, renderFiles } from './local-renderer';
import type { RenderOutcome } from './render-types';
import { galleryDir, loadTemplates } from './template-store';
import { countDifferent, countNear, frameAt, probe, type Region } from './testing/frames';

// Renders land in test-results/videos/ (named by template and language) for people to watch.
const outDir = fileURLToPath(new URL('../../../test-results/videos/', import.meta.url));
const cacheDir = path.join(outDir, 'cache');

let spawns = 0;
const countingFfmpeg: RunFfmpeg = (args, options) => {
  spawns++;
  return runFfmpeg(args, options);
};
const renderer = createLocalRenderer({
  cacheDir,
  publicBaseUrl: 'http://localhost:3000/api/media/',
  templateDirs: [galleryDir],
  runFfmpeg: countingFfmpeg,
});

const fileOf = (url: string) => path.join(cacheDir, path.basename(url));

/** Renders and keeps a human-named copy of each file in test-results/videos/. */
async function renderAndKeep(request: VideoRenderRequest): Promise<RenderOutcome> {
  const outcome = await renderer.render(request);
  const name = `${request.templateId}-${request.language}`;
  await copyFile(fileOf(outcome.videoUrl), path.join(outDir, `${name}.mp4`));
  await copyFile(fileOf(outcome.thumbnailUrl), path.join(outDir, `${name}.jpg`));
  await copyFile(fileOf(outcome.gifUrl), path.join(outDir, `${name}.gif`));
  return outcome;
}

const english = {
  templateId: 'order_confirmation',
  language: 'en',
  data: { name: 'Asha', sku: 'Vitamin C Serum', eta: 'on Friday' },
};
const hindi = {
  templateId: 'order_confirmation',
  language: 'hi',
  data: { name: 'आशा', sku: 'विटामिन सी सीरम', eta: 'शुक्रवार' },
};

const templates = await loadTemplates([galleryDir]);
const orderTemplate = templates.get('order_confirmation')?.template;
const greeting = orderTemplate?.layers.find((l) => l.id === 'greeting');
if (!orderTemplate || !greeting) throw new Error('gallery lacks order_confirmation/greeting');

/** The band the greeting is drawn in: full width between the margins, about a line high. */
const greetingBand: Region = {
  x: 64,
  y: Math.round(greeting.y * 720 - greeting.size * 0.75),
  width: 1280 - 128,
  height: Math.round(greeting.size * 1.5),
};
const textColour = orderTemplate.brand.text;
const backgroundColour = orderTemplate.brand.background;
const greetingOn = (greeting.start + greeting.end) / 2;
const greetingOff = greeting.end + 0.5; // the next scene starts later, lower down

let en: RenderOutcome;
let hi: RenderOutcome;

beforeAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  en = await renderAndKeep(english);
  hi = await renderAndKeep(hindi);
});

describe('local renderer (ffmpeg + libass)', () => {
  it('renders an H.264 720p MP4 for WhatsApp, a JPEG thumbnail and a small GIF per customer', async () => {
    expect(en.cached).toBe(false);
    expect(en.videoUrl).toMatch(/^http:\/\/localhost:3000\/api\/media\/[0-9a-f]{64}\.mp4$/);
    expect(hi.videoUrl).not.toBe(en.videoUrl);
    for (const outcome of [en, hi]) {
      const video = await probe(fileOf(outcome.videoUrl));
      expect(video).toMatchObject({
        codec: 'h264',
        profile: 'Main',
        width: 1280,
        height: 720,
        pixFmt: 'yuv420p',
        hasBFrames: 0,
        audioCodec: 'aac',
      });
      expect(video.durationSeconds).toBeCloseTo(orderTemplate.durationSeconds, 1);
      expect(await probe(fileOf(outcome.thumbnailUrl))).toMatchObject({
        codec: 'mjpeg',
        width: 1280,
        height: 720,
      });
      expect(await probe(fileOf(outcome.gifUrl))).toMatchObject({ codec: 'gif', width: 480 });
      expect((await stat(fileOf(outcome.gifUrl))).size).toBeLessThan(1_000_000);
      expect((await stat(fileOf(outcome.videoUrl))).size).toBeLessThan(16_000_000);
    }
    // faststart: the index (moov) comes before the media data (mdat).
    const head = execFileSync('head', ['-c', '4096', fileOf(en.videoUrl)]).toString('latin1');
    expect(head.indexOf('moov')).toBeGreaterThan(0);
    expect(head.indexOf('moov')).toBeLessThan(
      head.indexOf('mdat') === -1 ? Infinity : head.indexOf('mdat'),
    );
  });

  it('draws the personalized greeting while it is on, and nothing there once it is off', async () => {
    for (const outcome of [en, hi]) {
      const on = await frameAt(fileOf(outcome.videoUrl), greetingOn);
      const off = await frameAt(fileOf(outcome.videoUrl), greetingOff);
      expect(countNear(on, greetingBand, textColour)).toBeGreaterThan(2_000);
      expect(countNear(on, greetingBand, backgroundColour)).toBeGreaterThan(30_000);
      expect(countNear(off, greetingBand, textColour)).toBe(0);
      expect(countNear(off, greetingBand, backgroundColour, 20)).toBe(
        greetingBand.width * greetingBand.height,
      );
      // The thumbnail is taken while the greeting shows.
      const thumbnail = await frameAt(fileOf(outcome.thumbnailUrl), 0);
      expect(countNear(thumbnail, greetingBand, textColour)).toBeGreaterThan(2_000);
    }
  });

  it('draws different text for the Hindi customer than for the English one', async () => {
    const a = await frameAt(fileOf(en.videoUrl), greetingOn);
    const b = await frameAt(fileOf(hi.videoUrl), greetingOn);
    expect(countDifferent(a, b, greetingBand)).toBeGreaterThan(2_000);
  });

  it('answers a repeated render from the cache: same files, no ffmpeg', async () => {
    const before = spawns;
    const mtime = (await stat(fileOf(en.videoUrl))).mtimeMs;
    const started = performance.now();
    const again = await renderer.render({ ...english, data: { ...english.data, phone: '+91' } });
    const elapsed = performance.now() - started;
    expect(again).toEqual({ ...en, cached: true });
    expect(spawns).toBe(before);
    expect((await stat(fileOf(en.videoUrl))).mtimeMs).toBe(mtime);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('runs ffmpeg once for concurrent identical requests', async () => {
    const before = spawns;
    const request = { ...english, data: { ...english.data, name: 'Ravi' } };
    const [a, b] = await Promise.all([renderer.render(request), renderer.render(request)]);
    expect(a.videoUrl).toBe(b.videoUrl);
    expect(spawns).toBe(before + 1);
  });

  it('renders Tamil and Bengali with the gallery', async () => {
    const renders: VideoRenderRequest[] = [
      {
        templateId: 'loyalty_status',
        language: 'ta',
        data: { name: 'ப்ரியா', points: '1250', tier: 'கோல்ட்' },
      },
      { templateId: 'unboxing_tip', language: 'bn', data: { name: 'অনন্যা', sku: 'সিরাম' } },
    ];
    for (const request of renders) {
      const outcome = await renderAndKeep(request);
      const stored = templates.get(request.templateId);
      const first = stored?.template.layers[0];
      if (!stored || !first) throw new Error(`no template ${request.templateId}`);
      const frame = await frameAt(fileOf(outcome.videoUrl), (first.start + first.end) / 2);
      const band = {
        ...greetingBand,
        y: Math.round(first.y * 720 - first.size * 0.75),
        height: Math.round(first.size * 1.5),
      };
      expect(
        countNear(frame, band, stored.template.brand.text, 40),
        request.language,
      ).toBeGreaterThan(1_500);
    }
  });

  it('renders a looping clip background', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yatra-clip-'));
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=s=640x360:r=25:d=1',
      '-pix_fmt',
      'yuv420p',
      path.join(dir, 'clip.mp4'),
    ]);
    await writeFile(
      path.join(dir, 'clip_demo.json'),
      JSON.stringify({
        ...orderTemplate,
        id: 'clip_demo',
        durationSeconds: 3,
        thumbnailAt: 1,
        background: { type: 'clip', path: 'clip.mp4' },
        layers: [{ ...greeting, start: 0, end: 3 }],
      }),
    );
    const clipRenderer = createLocalRenderer({
      cacheDir,
      publicBaseUrl: 'http://x',
      templateDirs: [dir],
    });
    const outcome = await clipRenderer.render({
      templateId: 'clip_demo',
      language: 'en',
      data: { name: 'Asha' },
    });
    const files = renderFiles(cacheDir, path.basename(outcome.videoUrl, '.mp4'));
    expect((await probe(files.video)).durationSeconds).toBeCloseTo(3, 1);
  });

  it('fails permanently, before any ffmpeg run, for a missing background or unknown template', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'yatra-broken-'));
    await writeFile(
      path.join(dir, 'broken_background.json'),
      JSON.stringify({
        ...orderTemplate,
        id: 'broken_background',
        background: { type: 'image', path: 'missing.png' },
      }),
    );
    const broken = createLocalRenderer({
      cacheDir,
      publicBaseUrl: 'http://x',
      templateDirs: [galleryDir, dir],
      runFfmpeg: countingFfmpeg,
    });
    const before = spawns;
    await expect(
      broken.render({ ...english, templateId: 'broken_background' }),
    ).rejects.toMatchObject({
      permanent: true,
      message: `asset not found: ${path.join(dir, 'missing.png')}`,
    });
    await expect(broken.render({ ...english, templateId: 'nope' })).rejects.toMatchObject({
      permanent: true,
      message: expect.stringContaining(
        'unknown video template "nope" (known: broken_background, loyalty_status',
      ),
    });
    await expect(broken.render({ ...english, data: { 'bad key': 'x' } })).rejects.toMatchObject({
      permanent: true,
    });
    expect(spawns).toBe(before);
  });
});
