import { describe, expect, it } from 'vitest';
import { recordPathRun, type StepPath } from '@yatra/db/testing/fixtures';
import { postPurchase45 } from '@yatra/nodes';
import * as journeysRoute from '../../app/api/journeys/route';
import * as publishRoute from '../../app/api/journeys/[id]/publish/route';
import * as analyticsRoute from '../../app/api/journeys/[id]/analytics/route';
import type { JourneyAnalyticsView } from './analytics';
import { bodyOf, ctx, jsonRequest, useRouteTestDb } from './test-helpers';

const t = useRouteTestDb();

const MISSING = '00000000-0000-4000-8000-000000000000';
const at = new Date('2026-01-05T10:00:00Z');

const analytics = (id: string, query = '') =>
  analyticsRoute.GET(jsonRequest(`/api/journeys/${id}/analytics${query}`, 'GET'), ctx({ id }));

/** A run of `versionId` through `path` ([nodeId, port]; a null port waits there). */
async function run(
  journeyId: string,
  versionId: string,
  customerId: string,
  path: StepPath,
  finished = false,
) {
  await recordPathRun(t.db, {
    journeyId,
    versionId,
    customerId,
    workflowId: `wf-${customerId}`,
    at,
    path,
    finish: finished ? { status: 'exited', exitReason: 'x' } : undefined,
  });
}

describe('GET /api/journeys/:id/analytics', () => {
  it('answers node counts and edge traffic of every version, or of one', async () => {
    const created = await journeysRoute.POST(
      jsonRequest('/api/journeys', 'POST', { document: postPurchase45 }),
      ctx({}),
    );
    const id = ((await bodyOf(created)).journey as { id: string }).id;
    const empty = (await (await analytics(id)).json()) as JourneyAnalyticsView;
    expect(empty).toMatchObject({ journeyId: id, versionIds: [], nodes: [], edges: [] });

    const publish = () =>
      publishRoute.POST(jsonRequest(`/api/journeys/${id}/publish`, 'POST'), ctx({ id }));
    const v1 = ((await (await publish()).json()) as { id: string }).id;
    const v2 = ((await (await publish()).json()) as { id: string }).id;
    await run(id, v1, 'cod', [
      ['first_order', 'next'],
      ['confirm', 'next'],
      ['is_cod', 'yes'],
      ['cod_reassure', 'next'],
      ['await_delivery', null],
    ]);
    await run(
      id,
      v2,
      'prepaid',
      [
        ['first_order', 'next'],
        ['confirm', 'next'],
        ['is_cod', 'no'],
        ['await_delivery', null],
        ['await_delivery', 'timeout'],
        ['delivery_check', 'next'],
        ['not_delivered', null],
      ],
      true,
    );

    const res = await analytics(id);
    expect(res.status).toBe(200);
    const all = (await res.json()) as JourneyAnalyticsView;
    expect(all.versionIds.sort()).toEqual([v1, v2].sort());
    expect(Date.parse(all.at)).not.toBeNaN();
    expect(all.nodes).toContainEqual({
      nodeId: 'first_order',
      entered: 2,
      waitingNow: 0,
      exited: 0,
    });
    expect(all.nodes).toContainEqual({
      nodeId: 'await_delivery',
      entered: 2,
      waitingNow: 1,
      exited: 0,
    });
    expect(all.nodes).toContainEqual({
      nodeId: 'not_delivered',
      entered: 1,
      waitingNow: 0,
      exited: 1,
    });
    expect(all.edges).toContainEqual({ source: 'first_order', sourcePort: 'next', runs: 2 });
    expect(all.edges).toContainEqual({ source: 'is_cod', sourcePort: 'yes', runs: 1 });
    expect(all.edges).toContainEqual({ source: 'is_cod', sourcePort: 'no', runs: 1 });

    const one = (await (await analytics(id, `?versionId=${v1}`)).json()) as JourneyAnalyticsView;
    expect(one.versionIds).toEqual([v1]);
    expect(one.edges.find((e) => e.source === 'is_cod')).toEqual({
      source: 'is_cod',
      sourcePort: 'yes',
      runs: 1,
    });
    expect(one.edges.some((e) => e.source === 'delivery_check')).toBe(false);
  });

  it('answers 400 for a malformed query and 404 for unknown journeys and versions', async () => {
    const created = await journeysRoute.POST(
      jsonRequest('/api/journeys', 'POST', { document: postPurchase45 }),
      ctx({}),
    );
    const id = ((await bodyOf(created)).journey as { id: string }).id;

    const bad = await analytics(id, '?versionId=v1');
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).issues).toEqual([
      { path: 'versionId', message: 'versionId must be a version id (uuid)' },
    ]);
    const unknown = await analytics(id, '?since=yesterday');
    expect(unknown.status).toBe(400);
    expect((await bodyOf(unknown)).issues).toEqual([
      expect.objectContaining({ message: expect.stringContaining('since') }),
    ]);
    expect((await analytics(id, `?versionId=${MISSING}`)).status).toBe(404);
    expect((await analytics(MISSING)).status).toBe(404);
  });
});
