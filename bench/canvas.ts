// `npm run bench -- canvas [--nodes N] [--url http://…]`
//
// Opens a generated N-node journey (default 500) in the canvas editor in headless Chromium and
// measures: time to first interactive render (navigation start → the canvas has drawn and set
// its first view: the `yatra:canvas-ready` performance mark), and the frame rate while panning
// the canvas and while dragging a node (requestAnimationFrame counted in the page). Goals
// (reported, not asserted): first render < 1.5 s, ≥ 50 fps.
//
// Without --url it starts what the editor needs the way the e2e setup does (scripts/lib):
// a throwaway PostgreSQL, migrations, and a production build of the web app (rebuilt when
// sources changed). Progress goes to stderr; stdout gets the table and, last, one JSON line.
import { chromium, type Browser, type Page } from 'playwright-core';
import type { JourneyDocument, JourneyEdge, JourneyNode } from '@yatra/nodes';
import { layoutDocument } from '../web/lib/editor/layout';
import { SetupError } from '../scripts/lib/errors';
import { getFreePort } from '../scripts/lib/net';
import { startEphemeralPostgres } from '../scripts/lib/postgres';
import { Shutdown } from '../scripts/lib/processes';
import { prepareDatabase } from '../scripts/lib/stack';
import { buildWeb, startWeb, webBuildReason } from '../scripts/lib/web';

const GOAL_FIRST_RENDER_MS = 1_500;
const GOAL_FPS = 50;
const RUNS = 3;
const GESTURE_MS = 2_000;

interface Options {
  nodes: number;
  url: string | null;
}

function parseOptions(args: string[]): Options {
  const options: Options = { nodes: 500, url: null };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[++i];
    if (
      flag === '--nodes' &&
      value !== undefined &&
      Number.isInteger(Number(value)) &&
      Number(value) >= 10
    ) {
      options.nodes = Number(value);
    } else if (flag === '--url' && value) {
      options.url = value.replace(/\/$/, '');
    } else {
      throw new SetupError(
        `canvas bench: bad argument "${flag ?? ''}". Usage: npm run bench -- canvas [--nodes N ≥ 10] [--url http://host:port]`,
      );
    }
  }
  return options;
}

const progress = (line: string) => process.stderr.write(`[bench:canvas] ${line}\n`);

/**
 * A journey of exactly `total` nodes: trigger → 5-way cohort split → five long arms of
 * (send → condition → yes: send / no → wait) blocks, each arm ending at an exit; laid out with
 * the editor's own auto-layout so it looks like a real (very large) journey.
 */
export function generateJourney(total: number): JourneyDocument {
  const arms = ['a', 'b', 'c', 'd', 'e'];
  const nodes: JourneyNode[] = [];
  const edges: JourneyEdge[] = [];
  const add = (id: string, type: string, config: unknown, label?: string) =>
    nodes.push({ id, type, config, position: { x: 0, y: 0 }, ...(label ? { label } : {}) });
  const link = (source: string, sourcePort: string, target: string) =>
    edges.push({ source, sourcePort, target });

  add('start', 'trigger.event', { event: 'order.placed', filters: [] });
  add(
    'split',
    'audience.cohort_split',
    { mode: 'random', arms: arms.map((id) => ({ id, percent: 20 })), holdoutPercent: 0 },
    'Five cohorts',
  );
  link('start', 'next', 'split');
  const budget = total - 2 - arms.length; // minus trigger, split and one exit per arm
  const perArm = arms.map(
    (_, i) => Math.floor(budget / arms.length) + (i < budget % arms.length ? 1 : 0),
  );
  arms.forEach((arm, a) => {
    let left = perArm[a] ?? 0;
    let previous: { id: string; port: string }[] = [{ id: 'split', port: arm }];
    const enter = (id: string) => {
      for (const p of previous) link(p.id, p.port, id);
    };
    for (let block = 0; left > 0; block++) {
      const send = `${arm}${block}_send`;
      add(
        send,
        'message.send',
        {
          channel: 'whatsapp',
          templateId: `tpl_${arm}_${block}`,
          variables: { name: '{{customer.name}}' },
        },
        `Message ${arm.toUpperCase()}${block}`,
      );
      enter(send);
      previous = [{ id: send, port: 'next' }];
      left--;
      if (left >= 3) {
        const cond = `${arm}${block}_cond`;
        const extra = `${arm}${block}_extra`;
        const wait = `${arm}${block}_wait`;
        add(
          cond,
          'flow.condition',
          { match: 'all', rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] },
          'COD?',
        );
        add(
          extra,
          'message.send',
          { channel: 'whatsapp', templateId: 'cod_reassurance', variables: {} },
          'Reassure',
        );
        add(
          wait,
          'flow.wait',
          { mode: 'duration', duration: { amount: 1, unit: 'hours' } },
          '1 hour',
        );
        link(send, 'next', cond);
        link(cond, 'yes', extra);
        link(cond, 'no', wait);
        link(extra, 'next', wait);
        previous = [{ id: wait, port: 'next' }];
        left -= 3;
      }
    }
    const exit = `${arm}_exit`;
    add(exit, 'flow.exit', { reason: 'completed' });
    enter(exit);
  });
  const doc: JourneyDocument = {
    name: `Canvas bench · ${total} nodes`,
    description: '',
    window: { days: 365 },
    reentry: { policy: 'once' },
    goals: [],
    nodes,
    edges,
    notes: [],
  };
  const portsOf = (id: string) =>
    id === 'split' ? arms : id.endsWith('_cond') ? ['yes', 'no'] : ['next'];
  const positions = layoutDocument(doc, () => ({ width: 220, height: 86 }), portsOf);
  for (const node of nodes) node.position = positions.get(node.id) ?? { x: 0, y: 0 };
  return doc;
}

interface Gesture {
  fps: number;
  frames: number;
  seconds: number;
  longestFrameMs: number;
}

/** Counts animation frames in the page while `drive` runs. */
async function measureFrames(page: Page, drive: () => Promise<void>): Promise<Gesture> {
  // Plain strings: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(`(() => {
    const frames = [];
    window.__yatraFrames = frames;
    const tick = (t) => {
      if (window.__yatraFrames !== frames) return;
      frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await drive();
  const counted: unknown = await page.evaluate(`(() => {
    const frames = window.__yatraFrames ?? [];
    window.__yatraFrames = undefined;
    return frames;
  })()`);
  const frames = Array.isArray(counted)
    ? counted.filter((t): t is number => typeof t === 'number')
    : [];
  const first = frames[0] ?? 0;
  const last = frames.at(-1) ?? 0;
  const seconds = (last - first) / 1000;
  let longest = 0;
  for (let i = 1; i < frames.length; i++)
    longest = Math.max(longest, (frames[i] ?? 0) - (frames[i - 1] ?? 0));
  return {
    fps: seconds > 0 ? (frames.length - 1) / seconds : 0,
    frames: frames.length,
    seconds,
    longestFrameMs: longest,
  };
}

/** Moves the mouse with the button down from `from` by (dx, dy) over GESTURE_MS, a step per ~16 ms. */
async function dragFor(
  page: Page,
  from: { x: number; y: number },
  dx: number,
  dy: number,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const started = Date.now();
  let step = 0;
  while (Date.now() - started < GESTURE_MS) {
    const t = (Date.now() - started) / GESTURE_MS;
    const wave = Math.sin(t * Math.PI * 2);
    await page.mouse.move(from.x + dx * wave, from.y + dy * wave);
    step++;
    await new Promise((r) => setTimeout(r, 12));
  }
  await page.mouse.up();
  if (step < 10) throw new Error('the gesture ran too few steps to measure');
}

/** Navigation start → canvas ready, and the part of it the server took (request → first byte). */
async function openEditor(page: Page, url: string): Promise<{ readyMs: number; serverMs: number }> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => performance.getEntriesByName('yatra:canvas-ready').length > 0,
    undefined,
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return {
      readyMs: performance.getEntriesByName('yatra:canvas-ready')[0]?.startTime ?? NaN,
      serverMs: nav ? nav.responseStart - nav.requestStart : NaN,
    };
  });
}

/** A point on the empty canvas (no node, edge or panel under it), for panning. */
async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const canvas = document
      .querySelector('[data-testid="journey-canvas"]')
      ?.getBoundingClientRect();
    if (!canvas) return null;
    for (let y = canvas.top + 120; y < canvas.bottom - 200; y += 20) {
      for (let x = canvas.left + 60; x < canvas.right - 260; x += 20) {
        const el = document.elementFromPoint(x, y);
        if (el?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('found no empty spot on the canvas to pan from');
  return point;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function measure(browser: Browser, base: string, journeyId: string, nodes: number) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const url = `${base}/journeys/${journeyId}`;
  progress('warming up (first load fills server and browser caches)');
  await openEditor(page, url);
  const renders: number[] = [];
  const serverTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { readyMs, serverMs } = await openEditor(page, url);
    renders.push(readyMs);
    serverTimes.push(serverMs);
    progress(
      `first interactive render ${i + 1}/${RUNS}: ${readyMs.toFixed(0)} ms (server ${serverMs.toFixed(0)} ms)`,
    );
  }
  const rendered = await page.getByTestId('canvas-node').count();
  await page.waitForTimeout(500);

  const pane = await emptyPanePoint(page);
  progress('panning for 2 s');
  const pan = await measureFrames(page, () => dragFor(page, pane, 300, 220));

  // The card nearest the middle of the view, moved well inside it (no auto-pan at the edges).
  const start = await page.evaluate(() => {
    const canvas = document
      .querySelector('[data-testid="journey-canvas"]')
      ?.getBoundingClientRect();
    if (!canvas) return null;
    const cx = canvas.left + canvas.width / 2;
    const cy = canvas.top + canvas.height / 2;
    let best: { x: number; y: number; d: number } | null = null;
    for (const el of document.querySelectorAll('[data-testid="canvas-node"]')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (!best || d < best.d) best = { x: r.left + r.width / 2, y: r.top + 18, d };
    }
    return best;
  });
  if (!start) throw new Error('no node visible to drag');
  progress('dragging a node for 2 s');
  const drag = await measureFrames(page, () => dragFor(page, start, 180, 120));
  await context.close();
  return {
    nodes,
    firstRenderMs: median(renders),
    renders,
    serverMs: median(serverTimes),
    rendered,
    pan,
    drag,
  };
}

async function startServer(shutdown: Shutdown): Promise<string> {
  progress('starting PostgreSQL');
  const postgres = await startEphemeralPostgres();
  shutdown.add('postgres', postgres.stop);
  await prepareDatabase(postgres.url, false, 'quiet');
  const env = { DATABASE_URL: postgres.url };
  const reason = webBuildReason();
  if (reason) {
    progress(`building the web app (${reason}); a minute or two`);
    await buildWeb(env);
  }
  const port = await getFreePort();
  progress('starting the web app');
  const web = await startWeb({ port, env, hostname: '127.0.0.1', output: 'quiet' });
  shutdown.watch(web.service);
  return `http://127.0.0.1:${port}`;
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const shutdown = new Shutdown(false);
  let browser: Browser | undefined;
  try {
    const base = options.url ?? (await startServer(shutdown));
    const doc = generateJourney(options.nodes);
    const res = await fetch(`${base}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ document: doc }),
    });
    if (!res.ok) throw new Error(`creating the journey failed: ${res.status} ${await res.text()}`);
    const created: unknown = await res.json();
    const journey: unknown =
      typeof created === 'object' && created !== null ? Reflect.get(created, 'journey') : null;
    const journeyId: unknown =
      typeof journey === 'object' && journey !== null ? Reflect.get(journey, 'id') : null;
    if (typeof journeyId !== 'string') throw new Error('creating the journey returned no id');
    progress(
      `journey with ${doc.nodes.length} nodes and ${doc.edges.length} edges: ${base}/journeys/${journeyId}`,
    );

    browser = await chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--headless',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const r = await measure(browser, base, journeyId, doc.nodes.length);
    const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
    const rows = [
      ['metric', 'value', 'goal', ''],
      ['nodes in the journey', String(r.nodes), '', ''],
      ['nodes drawn (visible only)', String(r.rendered), '', ''],
      [
        'first interactive render',
        `${r.firstRenderMs.toFixed(0)} ms (runs: ${r.renders.map((v) => v.toFixed(0)).join(', ')})`,
        `< ${GOAL_FIRST_RENDER_MS} ms`,
        ok(r.firstRenderMs < GOAL_FIRST_RENDER_MS),
      ],
      ['  of which the server (to first byte)', `${r.serverMs.toFixed(0)} ms`, '', ''],
      [
        'frame rate, panning',
        `${r.pan.fps.toFixed(1)} fps (longest frame ${r.pan.longestFrameMs.toFixed(0)} ms)`,
        `≥ ${GOAL_FPS} fps`,
        ok(r.pan.fps >= GOAL_FPS),
      ],
      [
        'frame rate, dragging a node',
        `${r.drag.fps.toFixed(1)} fps (longest frame ${r.drag.longestFrameMs.toFixed(0)} ms)`,
        `≥ ${GOAL_FPS} fps`,
        ok(r.drag.fps >= GOAL_FPS),
      ],
    ];
    const widths =
      rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
    for (const row of rows)
      console.log(
        row
          .map((cell, c) => cell.padEnd(widths[c] ?? 0))
          .join('  ')
          .trimEnd(),
      );
    console.log(
      JSON.stringify({
        nodes: r.nodes,
        first_render_ms: Math.round(r.firstRenderMs),
        server_ms: Math.round(r.serverMs),
        pan_fps: Number(r.pan.fps.toFixed(1)),
        drag_fps: Number(r.drag.fps.toFixed(1)),
        rendered_nodes: r.rendered,
        goals: { first_render_ms: GOAL_FIRST_RENDER_MS, fps: GOAL_FPS },
      }),
    );
  } finally {
    await browser?.close();
    await shutdown.run();
  }
}
