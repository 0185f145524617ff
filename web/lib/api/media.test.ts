import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorResponse } from './respond';
import { mediaDir, serveMedia } from './media';

const dir = mkdtempSync(path.join(tmpdir(), 'yatra-media-'));
const key = 'ab'.repeat(32);
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
writeFileSync(path.join(dir, `${key}.mp4`), bytes);
writeFileSync(path.join(dir, `${key}.gif`), 'GIF89a');
writeFileSync(path.join(dir, `${key}.jpg`), 'jpeg');
writeFileSync(path.join(dir, 'secret.txt'), 'no');

const get = (file: string, headers: Record<string, string> = {}, method = 'GET') =>
  serveMedia(new Request(`http://x/api/media/${file}`, { method, headers }), file, dir).catch(
    errorResponse,
  );

describe('serveMedia', () => {
  it('streams a rendered file with its type and immutable caching', async () => {
    const response = await get(`${key}.mp4`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('etag')).toBe(`"${key}.mp4"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await get(`${key}.gif`)).headers.get('content-type')).toBe('image/gif');
    expect((await get(`${key}.jpg`)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('answers byte ranges (video players seek with them) and 416 for impossible ones', async () => {
    const part = await get(`${key}.mp4`, { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([...bytes.subarray(10, 20)]);
    const tail = await get(`${key}.mp4`, { range: 'bytes=-5' });
    expect(tail.headers.get('content-range')).toBe('bytes 995-999/1000');
    expect((await get(`${key}.mp4`, { range: 'bytes=2000-' })).status).toBe(416);
  });

  it('answers 304 to a matching If-None-Match and HEAD without a body', async () => {
    expect((await get(`${key}.mp4`, { 'if-none-match': `"${key}.mp4"` })).status).toBe(304);
    const head = await get(`${key}.mp4`, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect(await head.text()).toBe('');
  });

  it.each([
    '../package.json',
    '..%2Fpackage.json',
    'secret.txt',
    `${key}.MP4`,
    `${key}.mp4/..`,
    `${key.slice(1)}.mp4`,
    `/etc/${key}.mp4`,
  ])('refuses %s with 400 naming the file parameter', async (file) => {
    const response = await get(file);
    expect(response.status).toBe(400);
    const body: unknown = await response.json();
    expect(body).toMatchObject({
      error: 'Invalid media file name.',
      issues: [{ path: 'file', message: expect.stringContaining('64 lowercase hex') }],
    });
  });

  it('answers 404 for a file not rendered (yet)', async () => {
    const response = await get(`${'cd'.repeat(32)}.gif`);
    expect(response.status).toBe(404);
  });
});

describe('mediaDir', () => {
  it('is YATRA_VIDEO_DIR when set, else .data/videos at the repository root', () => {
    expect(mediaDir({ YATRA_VIDEO_DIR: '/srv/videos' })).toBe('/srv/videos');
    const repo = path.resolve(import.meta.dirname, '../../..');
    expect(mediaDir({})).toBe(path.join(repo, '.data', 'videos'));
  });
});
