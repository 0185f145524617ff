import { describe, expect, it } from 'vitest';
import { publishJourneyVersion } from './journeys';
import { edgeCounts } from './journey-analytics';
import { nodeCounts } from './runs';
import { publishedJourney, recordPathRun, type StepPath } from '../testing/fixtures';
import { useTestDb } from '../testing/use-test-db';

const t = useTestDb();

const at = new Date('2026-01-05T10:00:00Z');

async function run(
  journeyId: string,
  versionId: string,
  customerId: string,
  path: StepPath,
  finished = false,
): Promise<void> {
  await recordPathRun(t.db, {
    journeyId,
    versionId,
    customerId,
    workflowId: `wf-${versionId}-${customerId}`,
    at,
    path,
    finish: finished ? { status: 'completed', exitReason: 'done' } : undefined,
  });
}

describe('journey analytics', () => {
  it('counts distinct runs per edge, over the versions asked for', async () => {
    const { journey, version: v1 } = await publishedJourney(t.db);
    const v2 = await publishJourneyVersion(t.db, {
      journeyId: journey.id,
      graph: journey.graph,
      ir: { trigger: 'order.placed', nodes: {} },
      triggerEvent: 'order.placed',
    });
    // v1: two COD customers (one still waiting for delivery, one delivered and done), one prepaid.
    await run(journey.id, v1.id, 'cod-1', [
      ['start', 'next'],
      ['is_cod', 'yes'],
      ['wait', null],
    ]);
    await run(
      journey.id,
      v1.id,
      'cod-2',
      [
        ['start', 'next'],
        ['is_cod', 'yes'],
        ['wait', null],
        ['wait', 'event'],
        ['done', null],
      ],
      true,
    );
    await run(journey.id, v1.id, 'prepaid-1', [
      ['start', 'next'],
      ['is_cod', 'no'],
      ['wait', null],
    ]);
    // v2: one customer who waited, timed out and waits again at the same node (loops count once).
    await run(journey.id, v2.id, 'loop-1', [
      ['start', 'next'],
      ['is_cod', 'no'],
      ['wait', null],
      ['wait', 'timeout'],
      ['wait', null],
    ]);

    expect(await edgeCounts(t.db, [v1.id])).toEqual([
      { source: 'is_cod', sourcePort: 'no', runs: 1 },
      { source: 'is_cod', sourcePort: 'yes', runs: 2 },
      { source: 'start', sourcePort: 'next', runs: 3 },
      { source: 'wait', sourcePort: 'event', runs: 1 },
    ]);
    expect(await edgeCounts(t.db, [v1.id, v2.id])).toEqual([
      { source: 'is_cod', sourcePort: 'no', runs: 2 },
      { source: 'is_cod', sourcePort: 'yes', runs: 2 },
      { source: 'start', sourcePort: 'next', runs: 4 },
      { source: 'wait', sourcePort: 'event', runs: 1 },
      { source: 'wait', sourcePort: 'timeout', runs: 1 },
    ]);
    // The node counts of the same runs, as the overlay shows them beside the edges.
    expect(await nodeCounts(t.db, [v1.id, v2.id])).toEqual([
      { nodeId: 'done', entered: 1, waitingNow: 0, exited: 1 },
      { nodeId: 'is_cod', entered: 4, waitingNow: 0, exited: 0 },
      { nodeId: 'start', entered: 4, waitingNow: 0, exited: 0 },
      { nodeId: 'wait', entered: 4, waitingNow: 3, exited: 0 },
    ]);
    expect(await edgeCounts(t.db, [])).toEqual([]);
  });
});
