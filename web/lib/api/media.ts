import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { issuesOf, NotFoundError, ValidationError } from './errors';

// Rendered videos are content-addressed (`<sha256>.mp4|.jpg|.gif`, written by the worker's
// renderer), so a URL's bytes never change: clients and CDNs may cache them forever.

const contentTypeOf = (name: string) =>
  name.endsWith('.mp4') ? 'video/mp4' : name.endsWith('.gif') ? 'image/gif' : 'image/jpeg';

/** Only names the renderer writes: no dots, slashes or other paths can get through. */
const mediaFileSchema = z
  .string()
  .regex(
    /^[0-9a-f]{64}\.(mp4|jpg|gif)$/,
    'must be a rendered file name: 64 lowercase hex characters, then .mp4, .jpg or .gif',
  );

const IMMUTABLE = 'public, max-age=31536000, immutable';

let rootMemo: { from: string; root: string } | undefined;

/** The monorepo root: the nearest folder up from `from` whose package.json has workspaces. */
function repoRoot(from: string): string {
  if (rootMemo?.from === from) return rootMemo.root;
  let root = path.resolve(from);
  for (let dir = root; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    const json: unknown = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : null;
    if (typeof json === 'object' && json !== null && 'workspaces' in json) {
      root = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  rootMemo = { from, root };
  return root;
}

/**
 * Where rendered files are read from: `YATRA_VIDEO_DIR`, else `.data/videos` at the repository
 * root — the worker's default, found from the web app's own folder.
 */
export function mediaDir(env: Record<string, string | undefined> = process.env): string {
  return env.YATRA_VIDEO_DIR
    ? path.resolve(env.YATRA_VIDEO_DIR)
    : path.join(repoRoot(process.cwd()), '.data', 'videos');
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` → an inclusive range; null when unsatisfiable. */
function byteRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [first, last] = [match[1] ?? '', match[2] ?? ''];
  const start = first === '' ? Math.max(size - Number(last), 0) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return start <= end && start < size ? { start, end } : null;
}

/** A file stream as a web stream that reads only as fast as the client takes it. */
function webStream(stream: Readable): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel() {
      stream.destroy();
    },
  });
}

/**
 * `GET|HEAD /api/media/:file`: streams a rendered file with its content type and immutable
 * caching headers; supports single byte ranges (video players seek with them). 400 for a name
 * the renderer never writes, 404 for a file not (yet) rendered.
 * @example await serveMedia(request, 'ab…12.mp4') // 200 video/mp4
 */
export async function serveMedia(
  request: Request,
  file: string,
  dir = mediaDir(),
): Promise<Response> {
  const parsed = mediaFileSchema.safeParse(file);
  if (!parsed.success)
    throw new ValidationError(
      'Invalid media file name.',
      issuesOf(parsed.error, undefined, ['file']),
    );
  const name = parsed.data;
  const filePath = path.join(dir, name);
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile() || info.size === 0) throw new NotFoundError(`Media file ${name} not found.`);

  const etag = `"${name}"`;
  const headers = new Headers({
    'content-type': contentTypeOf(name),
    'cache-control': IMMUTABLE,
    etag,
    'accept-ranges': 'bytes',
    'x-content-type-options': 'nosniff',
  });
  if (request.headers.get('if-none-match') === etag)
    return new Response(null, { status: 304, headers });

  let status = 200;
  let range = { start: 0, end: info.size - 1 };
  const rangeHeader = request.headers.get('range');
  if (rangeHeader) {
    const wanted = byteRange(rangeHeader, info.size);
    if (!wanted) {
      headers.set('content-range', `bytes */${info.size}`);
      return new Response(null, { status: 416, headers });
    }
    status = 206;
    range = wanted;
    headers.set('content-range', `bytes ${range.start}-${range.end}/${info.size}`);
  }
  headers.set('content-length', String(range.end - range.start + 1));
  if (request.method === 'HEAD') return new Response(null, { status, headers });
  return new Response(webStream(createReadStream(filePath, range)), { status, headers });
}
