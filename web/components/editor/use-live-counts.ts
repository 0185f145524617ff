'use client';

// The live overlay's data: GET /api/journeys/:id/analytics every few seconds while the overlay
// is on and the tab is visible (a hidden tab asks nothing; showing it again refreshes at once).
import { useEffect, useState } from 'react';
import { mergeLiveCounts, type LiveCounts } from '../../lib/editor/live-counts';
import { journeyAnalytics } from './api';

export const LIVE_POLL_MS = 4_000;

export interface LiveState {
  counts: LiveCounts | null;
  updatedAt: Date | null;
  error: string | null;
}

const OFF: LiveState = { counts: null, updatedAt: null, error: null };

/**
 * Counts of journey `journeyId` (all versions, or `versionId`), polled while `enabled`.
 * Unchanged polls keep the same `counts` object, so the canvas does not redraw.
 */
export function useLiveCounts(
  journeyId: string,
  versionId: string | null,
  enabled: boolean,
): LiveState {
  const [state, setState] = useState<LiveState>(OFF);

  useEffect(() => {
    if (!enabled) {
      setState(OFF);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    let stopped = false;

    const poll = async () => {
      clearTimeout(timer);
      if (stopped || document.visibilityState !== 'visible') return;
      controller?.abort();
      const mine = (controller = new AbortController());
      try {
        const answer = await journeyAnalytics(journeyId, versionId, mine.signal);
        if (mine.signal.aborted) return;
        setState((s) => {
          const counts = mergeLiveCounts(s.counts, answer);
          return { counts, updatedAt: new Date(), error: null };
        });
      } catch (error) {
        if (mine.signal.aborted) return;
        setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
      }
      if (!stopped) timer = setTimeout(() => void poll(), LIVE_POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void poll();
      else clearTimeout(timer);
    };

    void poll();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [journeyId, versionId, enabled]);

  return state;
}
