import { getDb } from '@yatra/db';
import {
  liabilityCsv,
  liabilityFileName,
  liabilityReport,
} from '../../../../lib/api/loyalty/liability';
import { json, route } from '../../../../lib/api/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * `?from=&to=` (ISO times or dates; period (from, to], default the year up to now) →
 * `{ report }`, or CSV with `Accept: text/csv` or `?format=csv`.
 */
export const GET = route(async (request) => {
  const { report, format } = await liabilityReport(
    getDb(),
    new URL(request.url).searchParams,
    request.headers.get('accept'),
  );
  if (format === 'json') return json({ report });
  return new Response(liabilityCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${liabilityFileName(report)}"`,
    },
  });
});
