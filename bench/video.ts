// `npm run bench -- video [--rounds N]`
//
// The local video renderer (ffmpeg + libass, worker/src/video): wall time of a cold render of a
// 10 s and a 20 s 720p video (MP4 + thumbnail + GIF in one ffmpeg run; p50 of N rounds, each
// with new data so nothing is cached), a cache hit (p50 of 20), the GIF's size, and renders per
// minute with 2 in parallel. ffmpeg's CPU time is reported too: it is far less sensitive than
// wall time to other work on the machine. Goals (issue 5; reported, not asserted): cold 20 s
// render < 10 s on the 2-core machine, cache hit < 50 ms.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { VideoRenderRequest } from '@yatra/nodes';
import { createLocalRenderer } from '../worker/src/video/local-renderer';
import { galleryDir } from '../worker/src/video/template-store';
import type { VideoTemplate } from '../worker/src/video/template-schema';
import { parseFlags } from './lib/flags';
import { table } from './lib/table';

const GOAL_COLD_20S_MS = 10_000;
const GOAL_CACHED_MS = 50;
const CACHE_HITS = 20;
const PARALLEL_RENDERS = 4;

const progress = (line: string) => process.stderr.write(`[bench:video] ${line}\n`);

const parseRounds = (args: string[]) =>
  parseFlags(args, {
    bench: 'video',
    defaults: { rounds: 3 },
    flags: { '--rounds': 'rounds' },
    usage: '[--rounds N ≥ 1]',
  }).rounds;

/** CPU time (user + system) of this process's reaped children — the ffmpeg runs — in ms. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) * 10; // USER_HZ = 100
}

const p50 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

/** The gallery's order confirmation squeezed into 10 s: same layers, half the timings. */
async function tenSecondTemplate(dir: string): Promise<void> {
  const source: VideoTemplate = JSON.parse(
    await readFile(path.join(galleryDir, 'order_confirmation.json'), 'utf8'),
  );
  const half = (s: number) => Math.round(s * 50) / 100;
  const template = {
    ...source,
    id: 'bench_10s',
    durationSeconds: 10,
    thumbnailAt: 1.5,
    layers: source.layers.map((l) => ({ ...l, start: half(l.start), end: half(l.end) })),
  };
  await writeFile(path.join(dir, 'bench_10s.json'), JSON.stringify(template));
}

export async function run(args: string[]): Promise<void> {
  const rounds = parseRounds(args);
  const work = await mkdtemp(path.join(tmpdir(), 'yatra-bench-video-'));
  try {
    await tenSecondTemplate(work);
    const cacheDir = path.join(work, 'cache');
    const renderer = createLocalRenderer({
      cacheDir,
      publicBaseUrl: 'http://localhost:3000/api/media',
      templateDirs: [galleryDir, work],
    });
    let n = 0;
    const request = (templateId: string): VideoRenderRequest => ({
      templateId,
      language: n % 2 === 0 ? 'en' : 'hi',
      data: { name: `Customer ${++n}`, sku: 'Vitamin C Serum', eta: 'on Friday' },
    });
    const fileSize = async (url: string) =>
      (await stat(path.join(cacheDir, path.basename(url)))).size;

    progress('warm-up render (fontconfig, page cache)');
    await renderer.render(request('bench_10s'));

    const cold: Record<'10' | '20', { wall: number[]; cpu: number[]; gif: number; mp4: number }> = {
      '10': { wall: [], cpu: [], gif: 0, mp4: 0 },
      '20': { wall: [], cpu: [], gif: 0, mp4: 0 },
    };
    let last: VideoRenderRequest = request('bench_10s');
    for (let round = 1; round <= rounds; round++) {
      for (const [seconds, templateId] of [
        ['10', 'bench_10s'],
        ['20', 'order_confirmation'],
      ] as const) {
        last = request(templateId);
        const cpuBefore = childrenCpuMs();
        const started = performance.now();
        const outcome = await renderer.render(last);
        const entry = cold[seconds];
        entry.wall.push(performance.now() - started);
        entry.cpu.push(childrenCpuMs() - cpuBefore);
        entry.gif = await fileSize(outcome.gifUrl);
        entry.mp4 = await fileSize(outcome.videoUrl);
        progress(`round ${round}: ${seconds} s video cold in ${entry.wall.at(-1)?.toFixed(0)} ms`);
      }
    }

    const hits: number[] = [];
    for (let i = 0; i < CACHE_HITS; i++) {
      const started = performance.now();
      const outcome = await renderer.render(last);
      hits.push(performance.now() - started);
      if (!outcome.cached) throw new Error('expected a cache hit');
    }

    progress(`${PARALLEL_RENDERS} renders of 20 s, 2 at a time`);
    const parallelStarted = performance.now();
    await Promise.all(
      Array.from({ length: PARALLEL_RENDERS }, () =>
        renderer.render(request('order_confirmation')),
      ),
    );
    const parallelMs = performance.now() - parallelStarted;
    const perMinute = (PARALLEL_RENDERS / parallelMs) * 60_000;

    const ok = (pass: boolean) => (pass ? 'ok' : 'MISSED');
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      table(
        ['metric', 'value', 'goal', ''],
        [
          ['cold render, 10 s 720p (p50 wall)', ms(p50(cold['10'].wall)), '', ''],
          ['  ffmpeg CPU (p50)', ms(p50(cold['10'].cpu)), '', ''],
          [
            'cold render, 20 s 720p (p50 wall)',
            ms(p50(cold['20'].wall)),
            `< ${GOAL_COLD_20S_MS} ms`,
            ok(p50(cold['20'].wall) < GOAL_COLD_20S_MS),
          ],
          ['  ffmpeg CPU (p50)', ms(p50(cold['20'].cpu)), '', ''],
          [
            'cache hit (p50 wall)',
            `${p50(hits).toFixed(2)} ms`,
            `< ${GOAL_CACHED_MS} ms`,
            ok(p50(hits) < GOAL_CACHED_MS),
          ],
          ['renders/min, 20 s, 2 in parallel', perMinute.toFixed(1), '', ''],
          ['GIF size, 10 s / 20 s', `${cold['10'].gif} / ${cold['20'].gif} B`, '', ''],
          ['MP4 size, 10 s / 20 s', `${cold['10'].mp4} / ${cold['20'].mp4} B`, '', ''],
          ['rounds', String(rounds), '', ''],
        ],
      ),
    );
    console.log(
      JSON.stringify({
        cold_10s_p50_ms: Math.round(p50(cold['10'].wall)),
        cold_10s_ffmpeg_cpu_p50_ms: Math.round(p50(cold['10'].cpu)),
        cold_20s_p50_ms: Math.round(p50(cold['20'].wall)),
        cold_20s_ffmpeg_cpu_p50_ms: Math.round(p50(cold['20'].cpu)),
        cached_p50_ms: Number(p50(hits).toFixed(2)),
        parallel2_renders_per_min: Number(perMinute.toFixed(1)),
        gif_10s_bytes: cold['10'].gif,
        gif_20s_bytes: cold['20'].gif,
        mp4_10s_bytes: cold['10'].mp4,
        mp4_20s_bytes: cold['20'].mp4,
        rounds,
        goals: { cold_20s_ms: GOAL_COLD_20S_MS, cached_ms: GOAL_CACHED_MS },
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
