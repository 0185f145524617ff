import { getLiabilityReport, type Db, type LiabilityReport } from '@yatra/db';
import { parseQuery } from '../customers';
import { liabilityQuerySchema } from './schemas';

/** `GET /api/loyalty/liability?from=&to=[&format=csv]`: the report and the format asked for. */
export async function liabilityReport(
  db: Db,
  searchParams: URLSearchParams,
  accept: string | null,
): Promise<{ report: LiabilityReport; format: 'json' | 'csv' }> {
  const query = parseQuery(liabilityQuerySchema, searchParams);
  const report = await getLiabilityReport(db, { from: query.from, to: query.to });
  const format = query.format ?? (accept?.includes('text/csv') ? 'csv' : 'json');
  return { report, format };
}

type Cell = string | number;

/** One CSV line; the cells here are numbers, ISO times and fixed codes, so nothing needs quoting. */
const line = (cells: Cell[]) => cells.join(',');

/**
 * The report as one tidy CSV table (`section,month,item,points,value_paise,detail`): the period,
 * the statement (opening, each movement, closing, breakage, deferred revenue, revenue from
 * expiry), then each month's movements, so a spreadsheet can pivot it. Money is integer paise.
 */
export function liabilityCsv(r: LiabilityReport): string {
  const value = (points: number) => points * r.pointValuePaise;
  const statement = (item: string, points: number | '', paise: number | '', detail = '') =>
    line(['statement', '', item, points, paise, detail]);
  const m = r.movements;
  const months = r.months.flatMap((month) =>
    (
      [
        ['issued', month.issued],
        ['redeemed', month.redeemed],
        ['expired', month.expired],
        ['reversed', month.reversed],
        ['adjusted_out', month.adjustedOut],
        ['closing_outstanding', month.closing],
      ] as const
    ).map(([item, points]) => line(['month', month.month, item, points, value(points), ''])),
  );
  return [
    'section,month,item,points,value_paise,detail',
    line(['period', '', 'from', '', '', r.from.toISOString()]),
    line(['period', '', 'to', '', '', r.to.toISOString()]),
    statement('point_value', '', r.pointValuePaise),
    statement('opening_outstanding', r.opening.points, r.opening.valuePaise),
    statement('issued', m.issued, value(m.issued)),
    statement('redeemed', m.redeemed, value(m.redeemed)),
    statement('expired', m.expired, value(m.expired)),
    statement('reversed', m.reversed, value(m.reversed)),
    statement('adjusted_out', m.adjustedOut, value(m.adjustedOut)),
    statement('closing_outstanding', r.closing.points, r.closing.valuePaise),
    statement('expiry_entries_posted', m.expiryEntriesPosted, value(m.expiryEntriesPosted)),
    statement('breakage_rate', '', '', `${r.breakage.rate} (${r.breakage.basis})`),
    statement('deferred_revenue', '', r.deferredRevenuePaise),
    statement('revenue_from_expiry', m.expired, r.revenueFromExpiryPaise),
    ...months,
    '',
  ].join('\n');
}

/** `liability_2030-01-01_2030-04-01.csv` (UTC dates of the period). */
export function liabilityFileName(r: LiabilityReport): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return `liability_${day(r.from)}_${day(r.to)}.csv`;
}
