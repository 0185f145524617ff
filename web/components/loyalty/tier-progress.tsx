import type { TierStatus } from '@yatra/db';
import { formatDateTime } from '../../lib/format';
import { distanceToNextTier, qualifyingLabel } from './labels';

/** The member's tier, a progress bar to the next one ("₹420 to Gold") and the tier period. */
export function TierProgress({ name, status }: { name: string; status: TierStatus | null }) {
  const gap = status ? distanceToNextTier(status) : null;
  const percent = Math.round((status?.progress ?? 0) * 100);
  return (
    <div
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid="tier-card"
    >
      <div className="text-xs font-medium tracking-wide text-slate-500 uppercase">Tier</div>
      <div className="mt-1 flex items-baseline gap-2">
        <span className="text-2xl font-semibold" data-testid="tier-name">
          {name}
        </span>
        {status && <span className="text-sm text-slate-500">earns ×{status.multiplier}</span>}
      </div>
      {status ? (
        <>
          <div
            className="mt-3 h-2.5 overflow-hidden rounded-full bg-slate-100"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="tier-progress"
            data-progress={status.progress}
          >
            <div className="h-full rounded-full bg-indigo-500" style={{ width: `${percent}%` }} />
          </div>
          <div className="mt-2 flex justify-between text-xs text-slate-600">
            <span>{qualifyingLabel(status.metric, status.qualifyingValue)} in 12 months</span>
            <span data-testid="tier-gap">{gap ?? 'Top tier'}</span>
          </div>
          {status.tierPeriodEndsAt && (
            <p className="mt-1 text-xs text-slate-500">
              Tier kept at least until {formatDateTime(status.tierPeriodEndsAt)}
            </p>
          )}
        </>
      ) : (
        <p className="mt-2 text-xs text-slate-500">The programme has no tier ladder yet.</p>
      )}
    </div>
  );
}
