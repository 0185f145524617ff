import { serveMedia } from '../../../../lib/api/media';
import { route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A rendered video, thumbnail or GIF by its content-addressed name (see lib/api/media.ts). */
export const GET = route<{ file: string }>(async (request, { file }) => serveMedia(request, file));
export const HEAD = GET;
