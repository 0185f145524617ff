import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

// OCR-free checks of rendered videos for tests: ffprobe for the container, raw RGB frames
// through a pipe for pixels.

const run = promisify(execFile);

export interface Probe {
  codec: string;
  profile: string;
  width: number;
  height: number;
  pixFmt: string;
  hasBFrames: number;
  durationSeconds: number;
  audioCodec: string | null;
}

/** ffprobe's view of a file's first video (and audio) stream. */
export async function probe(file: string): Promise<Probe> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    file,
  ]);
  const info: {
    streams: Array<Record<string, string | number | undefined>>;
    format: { duration?: string };
  } = JSON.parse(stdout);
  const video = info.streams.find((s) => s.codec_type === 'video') ?? {};
  const audio = info.streams.find((s) => s.codec_type === 'audio');
  return {
    codec: String(video.codec_name),
    profile: String(video.profile),
    width: Number(video.width),
    height: Number(video.height),
    pixFmt: String(video.pix_fmt),
    hasBFrames: Number(video.has_b_frames ?? 0),
    durationSeconds: Number(info.format.duration),
    audioCodec: audio ? String(audio.codec_name) : null,
  };
}

export interface Frame {
  width: number;
  height: number;
  /** rgb24, row by row. */
  rgb: Buffer;
}

/** The frame at `seconds` (0 for an image), decoded to raw RGB via a pipe, nothing on disk. */
export async function frameAt(
  file: string,
  seconds: number,
  width = 1280,
  height = 720,
): Promise<Frame> {
  const { stdout } = await run(
    'ffmpeg',
    [
      '-v',
      'error',
      // Images (the JPEG thumbnail) cannot seek: read their one frame from the start.
      ...(seconds > 0 ? ['-ss', String(seconds)] : []),
      '-i',
      file,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: width * height * 3 + 1024 },
  );
  if (stdout.length !== width * height * 3)
    throw new Error(`expected a ${width}×${height} frame, got ${stdout.length} bytes`);
  return { width, height, rgb: stdout };
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

const hexRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Pixels in the region within `tolerance` (Euclidean, 0–441) of a `#RRGGBB` colour. */
export function countNear(frame: Frame, region: Region, hex: string, tolerance = 60): number {
  const [r, g, b] = hexRgb(hex);
  let count = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * frame.width + x) * 3;
      const d = Math.hypot(frame.rgb[i]! - r!, frame.rgb[i + 1]! - g!, frame.rgb[i + 2]! - b!);
      if (d <= tolerance) count++;
    }
  }
  return count;
}

/** Pixels in the region whose colours differ by more than `threshold` between two frames. */
export function countDifferent(a: Frame, b: Frame, region: Region, threshold = 60): number {
  let count = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * a.width + x) * 3;
      const d = Math.hypot(
        a.rgb[i]! - b.rgb[i]!,
        a.rgb[i + 1]! - b.rgb[i + 1]!,
        a.rgb[i + 2]! - b.rgb[i + 2]!,
      );
      if (d > threshold) count++;
    }
  }
  return count;
}
