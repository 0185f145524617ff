import { describe, expect, it } from 'vitest';
import {
  createJourney,
  deleteJourney,
  findLiveVersionsForTrigger,
  getJourney,
  getJourneyVersion,
  listJourneys,
  listJourneyVersions,
  publishJourneyVersion,
  unpublishJourney,
  updateJourneyDraft,
} from './queries/journeys';
import { createRun } from './queries/runs';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

describe('journeys', () => {
  it('saves drafts without touching the live version', async () => {
    const j = await createJourney(t.db, { name: 'Post-purchase', graph: { nodes: ['a'] } });
    expect(j).toMatchObject({ name: 'Post-purchase', description: '', liveVersionId: null });
    const updated = await updateJourneyDraft(t.db, j.id, {
      description: '45 days',
      graph: { nodes: ['a', 'b'] },
    });
    expect(updated).toMatchObject({
      name: 'Post-purchase',
      description: '45 days',
      graph: { nodes: ['a', 'b'] },
    });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(j.updatedAt.getTime());
    expect(
      await updateJourneyDraft(t.db, '00000000-0000-0000-0000-000000000000', { name: 'x' }),
    ).toBeNull();
    expect(await getJourney(t.db, '00000000-0000-0000-0000-000000000000')).toBeNull();
  });

  it('publishes immutable, incrementing versions and makes the newest live', async () => {
    const j = await createJourney(t.db, { name: 'Welcome', graph: { v: 1 } });
    const v1 = await publishJourneyVersion(t.db, {
      journeyId: j.id,
      graph: { v: 1 },
      ir: { ir: 1 },
      triggerEvent: 'order.placed',
    });
    const v2 = await publishJourneyVersion(t.db, {
      journeyId: j.id,
      graph: { v: 2 },
      ir: { ir: 2 },
      triggerEvent: 'order.placed',
      publishedBy: 'meera@brand.in',
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v2.publishedBy).toBe('meera@brand.in');
    expect((await getJourney(t.db, j.id))?.liveVersionId).toBe(v2.id);
    expect(await getJourneyVersion(t.db, v1.id)).toMatchObject({ version: 1, ir: { ir: 1 } });

    const live = (await findLiveVersionsForTrigger(t.db, 'order.placed')).filter(
      (l) => l.journeyId === j.id,
    );
    expect(live).toEqual([{ journeyId: j.id, versionId: v2.id, version: 2, ir: { ir: 2 } }]);

    // Concurrent publishes serialise on the journey row: distinct, gap-free numbers.
    const more = await Promise.all(
      [0, 1, 2].map(() =>
        publishJourneyVersion(t.db, {
          journeyId: j.id,
          graph: {},
          ir: {},
          triggerEvent: 'order.placed',
        }),
      ),
    );
    expect(more.map((v) => v.version).sort()).toEqual([3, 4, 5]);
    expect((await listJourneyVersions(t.db, j.id)).map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);

    const summary = (await listJourneys(t.db)).find((s) => s.id === j.id);
    expect(summary).toMatchObject({ liveVersion: 5, versionCount: 5, runningCount: 0 });

    await unpublishJourney(t.db, j.id);
    expect(
      (await findLiveVersionsForTrigger(t.db, 'order.placed')).some((l) => l.journeyId === j.id),
    ).toBe(false);
    await expect(
      publishJourneyVersion(t.db, {
        journeyId: '00000000-0000-0000-0000-000000000000',
        graph: {},
        ir: {},
        triggerEvent: 'x',
      }),
    ).rejects.toThrow('not found');
  });

  it('counts running customers and refuses to delete a journey with runs', async () => {
    const j = await createJourney(t.db, { name: 'Running', graph: {} });
    const v = await publishJourneyVersion(t.db, {
      journeyId: j.id,
      graph: {},
      ir: {},
      triggerEvent: 'cart.updated',
    });
    for (const [customerId, entryEventId] of [
      ['c-1', 1],
      ['c-1', 2],
      ['c-2', 3],
    ] as const) {
      await createRun(t.db, {
        journeyId: j.id,
        versionId: v.id,
        customerId,
        entryEventId,
        workflowId: `wf-${customerId}-${entryEventId}`,
        enteredAt: new Date(),
      });
    }
    const summary = (await listJourneys(t.db)).find((s) => s.id === j.id);
    expect(summary).toMatchObject({ liveVersion: 1, versionCount: 1, runningCount: 2 });
    await expect(deleteJourney(t.db, j.id)).rejects.toThrow('has runs');

    const empty = await createJourney(t.db, { name: 'Empty', graph: {} });
    await publishJourneyVersion(t.db, {
      journeyId: empty.id,
      graph: {},
      ir: {},
      triggerEvent: 'x',
    });
    expect(await deleteJourney(t.db, empty.id)).toBe(true);
    expect(await getJourney(t.db, empty.id)).toBeNull();
    expect(await deleteJourney(t.db, empty.id)).toBe(false);
  });
});
