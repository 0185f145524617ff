import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { videoThenSendJourney } from '@yatra/nodes/builtins/media/video-journey';
import { createJourneyTestEnv, type JourneyTestEnv } from '../testing/journey-test-env';
import { galleryDir } from './template-store';

// The render-video node through the real worker on Temporal's time-skipping server: a render
// hands its URLs to the next send; a render that cannot succeed takes `fallback`, at once when
// the failure is permanent, after the node's retries when it is not.

const cacheDir = fileURLToPath(new URL('../../../test-results/videos/journey/', import.meta.url));
const mediaBase = 'http://localhost:3000/api/media';
const savedEnv = { ...process.env };
let t: JourneyTestEnv;

/** Each scenario's journey starts only for its own orders. */
const journey = (scenario: string, templateId: string) =>
  videoThenSendJourney({
    name: `video ${scenario}`,
    templateId,
    data: { name: '{{customer.name}}', sku: '{{trigger.properties.items.0.sku}}', eta: 'शुक्रवार' },
    filters: [{ field: 'trigger.properties.scenario', op: 'eq', value: scenario }],
  });

const placed = (customerId: string, scenario: string, language: string, name: string) => ({
  type: 'order.placed',
  customerId,
  idempotencyKey: `${customerId}-placed`,
  properties: {
    scenario,
    orderId: `o-${customerId}`,
    total: 129_900,
    paymentMethod: 'prepaid' as const,
    items: [{ sku: 'SERUM-30', qty: 1 }],
    customer: { name, phone: '+919812345678', language },
  },
});

async function onlyRun(customerId: string) {
  const runs = await t.runs(customerId);
  expect(runs).toHaveLength(1);
  const run = runs[0];
  if (!run) throw new Error(`no run for ${customerId}`);
  return run;
}

/**
 * Runs a scenario whose render fails and checks the run went render → fallback → text send.
 * Returns the reason the text carried and the render's last attempt (history keeps only that).
 */
async function expectFallback(scenario: string, templateId: string, customerId: string) {
  await t.publish(journey(scenario, templateId));
  await t.send(placed(customerId, scenario, 'en', customerId));
  await t.finishAll();
  const run = await onlyRun(customerId);
  expect(run.exitReason).toBe('completed');
  const messages = await t.messages(customerId);
  expect(messages.map((m) => m.templateId)).toEqual(['order_text']);
  const steps = await t.steps(run.id);
  expect(steps.map((s) => [s.nodeId, s.port])).toEqual([
    ['start', 'next'],
    ['video', 'fallback'],
    ['send_text', 'next'],
    ['end', null],
  ]);
  const history = await t.client.workflow.getHandle(run.workflowId).fetchHistory();
  const starts = (history.events ?? []).flatMap((e) =>
    e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : [],
  );
  return { reason: String(messages[0]?.variables.reason), lastAttempt: starts[0] };
}

beforeAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
  // Extra templates: the order confirmation with a background that is missing, and one whose
  // file is not an image (ffmpeg fails on it, which is retried like any crash).
  const templatesDir = await mkdtemp(path.join(tmpdir(), 'yatra-video-templates-'));
  const gallery = JSON.parse(
    await readFile(path.join(galleryDir, 'order_confirmation.json'), 'utf8'),
  );
  await writeFile(path.join(templatesDir, 'not-an-image.png'), 'this is not a PNG');
  for (const [id, file] of [
    ['missing_background', 'missing.png'],
    ['corrupt_background', 'not-an-image.png'],
  ])
    await writeFile(
      path.join(templatesDir, `${id}.json`),
      JSON.stringify({ ...gallery, id, background: { type: 'image', path: file } }),
    );
  // The worker reads its video settings from the environment, as in production.
  process.env.YATRA_VIDEO_DIR = cacheDir;
  process.env.YATRA_VIDEO_TEMPLATES_DIR = templatesDir;
  process.env.YATRA_MEDIA_BASE_URL = mediaBase;
  t = await createJourneyTestEnv();
}, 180_000);

afterAll(async () => {
  await t?.close();
  process.env = savedEnv;
});

describe('media.render_video in a journey', () => {
  it('renders for a Hindi customer and hands the URLs to the next send', async () => {
    await t.publish(journey('ok', 'order_confirmation'));
    await t.send(placed('asha', 'ok', 'hi', 'आशा'));
    await t.finishAll();
    const run = await onlyRun('asha');
    expect(run.exitReason).toBe('completed');
    const [message, ...others] = await t.messages('asha');
    expect(others).toEqual([]);
    expect(message?.templateId).toBe('order_video');
    const variables = message?.variables ?? {};
    const [video, thumbnail, gif] = [variables.video, variables.thumbnail, variables.gif].map(
      String,
    );
    expect(video).toMatch(new RegExp(`^${mediaBase}/[0-9a-f]{64}\\.mp4$`));
    expect(thumbnail).toBe(video?.replace(/\.mp4$/, '.jpg'));
    expect(gif).toBe(video?.replace(/\.mp4$/, '.gif'));
    for (const url of [video, thumbnail, gif])
      expect(existsSync(path.join(cacheDir, path.basename(url ?? '')))).toBe(true);
    // Kept for people to watch: the video the journey rendered.
    await copyFile(
      path.join(cacheDir, path.basename(video ?? '')),
      path.join(cacheDir, '..', 'journey-order_confirmation-hi.mp4'),
    );
    const steps = await t.steps(run.id);
    expect(steps.map((s) => [s.nodeId, s.port])).toEqual([
      ['start', 'next'],
      ['video', 'next'],
      ['send_video', 'next'],
      ['end', null],
    ]);
  });

  it('takes fallback at once when the background is missing, and the journey sends text', async () => {
    const attempts = await expectFallback('missing', 'missing_background', 'kabir');
    expect(attempts.reason).toMatch(/^asset not found: .*missing\.png$/);
    expect(attempts.lastAttempt).toBe(1); // permanent: no retries spent
  });

  it('takes fallback after the node’s three attempts when ffmpeg keeps failing', async () => {
    const attempts = await expectFallback('corrupt', 'corrupt_background', 'meera');
    expect(attempts.reason).toMatch(/^ffmpeg exited with code/);
    expect(attempts.lastAttempt).toBe(3);
  });
});
