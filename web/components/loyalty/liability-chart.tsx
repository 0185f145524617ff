import type { LiabilityMonth } from '@yatra/db';
import { formatPoints } from './labels';

const SERIES = [
  { key: 'issued', label: 'Issued', color: '#6366f1' },
  { key: 'redeemed', label: 'Redeemed', color: '#10b981' },
  { key: 'expired', label: 'Expired', color: '#f59e0b' },
] as const;

const W = 800;
const H = 260;
const PAD = { left: 56, right: 16, top: 16, bottom: 36 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2030-04" → "Apr 30". */
function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${year?.slice(2) ?? ''}`;
}

/**
 * Monthly issued / redeemed / expired points as grouped bars, and points outstanding at each
 * month's end as a line, on one scale. Plain SVG, drawn on the server.
 */
export function LiabilityChart({ months }: { months: LiabilityMonth[] }) {
  const max = Math.max(1, ...months.flatMap((m) => [m.issued, m.redeemed, m.expired, m.closing]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, months.length);
  const bar = Math.max(1, Math.min(18, (slot * 0.8) / SERIES.length));
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / max) * plotH;
  const centre = (i: number) => PAD.left + slot * i + slot / 2;
  const line = months.map((m, i) => `${centre(i)},${y(m.closing)}`).join(' ');
  // Label at most ~12 months so the axis stays readable.
  const every = Math.max(1, Math.ceil(months.length / 12));

  return (
    <figure data-testid="liability-chart" className="w-full">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Points issued, redeemed and expired per month, and points outstanding"
        className="h-auto w-full"
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(max * f)}
              y2={y(max * f)}
              stroke="#e2e8f0"
            />
            <text x={PAD.left - 8} y={y(max * f) + 4} textAnchor="end" fontSize="11" fill="#64748b">
              {formatPoints(Math.round(max * f))}
            </text>
          </g>
        ))}
        {months.map((m, i) => (
          <g key={m.month} data-testid="chart-month" data-month={m.month}>
            {SERIES.map((s, k) => {
              const value = m[s.key];
              const x = centre(i) - (bar * SERIES.length) / 2 + k * bar;
              return (
                <rect
                  key={s.key}
                  data-testid="chart-bar"
                  data-series={s.key}
                  data-value={value}
                  x={x}
                  y={y(value)}
                  width={Math.max(1, bar - 1)}
                  height={Math.max(0, PAD.top + plotH - y(value))}
                  fill={s.color}
                  rx={1.5}
                >
                  <title>{`${monthLabel(m.month)} · ${s.label}: ${formatPoints(value)} points`}</title>
                </rect>
              );
            })}
            {i % every === 0 && (
              <text x={centre(i)} y={H - 12} textAnchor="middle" fontSize="11" fill="#64748b">
                {monthLabel(m.month)}
              </text>
            )}
          </g>
        ))}
        <polyline
          data-testid="chart-outstanding"
          points={line}
          fill="none"
          stroke="#0f172a"
          strokeWidth={2}
        />
        {months.map((m, i) => (
          <circle key={m.month} cx={centre(i)} cy={y(m.closing)} r={2.5} fill="#0f172a">
            <title>{`${monthLabel(m.month)} · outstanding: ${formatPoints(m.closing)} points`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-slate-600">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1.5">
            <span className="size-2.5 rounded-sm" style={{ background: s.color }} aria-hidden />
            {s.label}
          </span>
        ))}
        <span className="inline-flex items-center gap-1.5">
          <span className="h-0.5 w-4 bg-slate-900" aria-hidden />
          Outstanding at month end
        </span>
      </figcaption>
    </figure>
  );
}
