import { describe, expect, it } from 'vitest';
import {
  createRun,
  finishRun,
  getRun,
  hasEnteredJourney,
  hasOpenRun,
  listOpenRunsForCustomer,
  listRuns,
  listSteps,
  nodeCounts,
  recordSteps,
  type StepInput,
} from './queries/runs';
import { publishedJourney } from './testing/fixtures';
import { useTestDb } from './testing/use-test-db';

const t = useTestDb();

const step = (seq: number, nodeId: string, at = new Date('2025-03-01T00:00:00Z')): StepInput => ({
  seq,
  nodeId,
  nodeType: nodeId.split('-')[0] ?? nodeId,
  port: 'next',
  at,
  detail: { seq },
});

describe('runs', () => {
  it('creates a run once per entry and reports the existing one on redelivery', async () => {
    const { journey, version } = await publishedJourney(t.db);
    const input = {
      journeyId: journey.id,
      versionId: version.id,
      customerId: 'c-1',
      entryEventId: 42,
      workflowId: `journey/${journey.id}/c-1`,
      enteredAt: new Date('2025-03-01T00:00:00Z'),
    };
    expect(await hasEnteredJourney(t.db, journey.id, 'c-1')).toBe(false);

    const first = await createRun(t.db, input);
    const again = await createRun(t.db, input);
    const sameEntryOtherWorkflow = await createRun(t.db, { ...input, workflowId: 'other' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ run: first.run, created: false });
    expect(sameEntryOtherWorkflow).toEqual({ run: first.run, created: false });
    expect(first.run).toMatchObject({ status: 'running', entryEventId: 42, currentNodeId: null });

    expect(await hasEnteredJourney(t.db, journey.id, 'c-1')).toBe(true);
    expect(await hasOpenRun(t.db, journey.id, 'c-1')).toBe(true);
    expect(await listOpenRunsForCustomer(t.db, 'c-1')).toEqual([
      {
        id: first.run.id,
        workflowId: input.workflowId,
        journeyId: journey.id,
        versionId: version.id,
      },
    ]);

    const exitedAt = new Date('2025-03-20T00:00:00Z');
    expect(
      await finishRun(t.db, first.run.id, {
        status: 'exited',
        exitReason: 'goal: second order',
        exitedAt,
      }),
    ).toMatchObject({ status: 'exited', exitedAt });
    expect(
      await finishRun(t.db, first.run.id, {
        status: 'completed',
        exitReason: null,
        exitedAt: new Date(),
      }),
    ).toBeNull();
    expect(await getRun(t.db, first.run.id)).toMatchObject({
      status: 'exited',
      exitReason: 'goal: second order',
      exitedAt,
    });
    expect(await hasOpenRun(t.db, journey.id, 'c-1')).toBe(false);
    expect(await hasEnteredJourney(t.db, journey.id, 'c-1')).toBe(true);
    expect(await listRuns(t.db, { journeyId: journey.id, status: 'exited' })).toHaveLength(1);
    expect(await listRuns(t.db, { customerId: 'c-1', status: 'running' })).toHaveLength(0);
  });

  it('records steps idempotently and tracks the current node by highest seq', async () => {
    const { journey, version } = await publishedJourney(t.db);
    const { run } = await createRun(t.db, {
      journeyId: journey.id,
      versionId: version.id,
      customerId: 'c-2',
      entryEventId: null,
      workflowId: 'wf-steps',
      enteredAt: new Date(),
    });

    await recordSteps(t.db, run.id, [step(0, 'trigger-1'), step(1, 'send-1')]);
    await recordSteps(t.db, run.id, [step(0, 'trigger-1'), step(1, 'send-1'), step(2, 'wait-1')]);
    await recordSteps(t.db, run.id, [step(1, 'send-1')]); // a late retry of an old batch
    await recordSteps(t.db, run.id, []);

    const steps = await listSteps(t.db, run.id);
    expect(steps.map((s) => [s.seq, s.nodeId])).toEqual([
      [0, 'trigger-1'],
      [1, 'send-1'],
      [2, 'wait-1'],
    ]);
    expect(steps[2]).toMatchObject({ nodeType: 'wait', port: 'next', detail: { seq: 2 } });
    expect((await getRun(t.db, run.id))?.currentNodeId).toBe('wait-1');
  });

  it('counts entered / waiting / exited per node across versions', async () => {
    const { journey, version } = await publishedJourney(t.db, 'cart.updated');
    const make = async (customerId: string, path: string[], finished: boolean) => {
      const { run } = await createRun(t.db, {
        journeyId: journey.id,
        versionId: version.id,
        customerId,
        entryEventId: null,
        workflowId: `wf-count-${customerId}`,
        enteredAt: new Date(),
      });
      await recordSteps(
        t.db,
        run.id,
        path.map((n, i) => step(i, n)),
      );
      if (finished)
        await finishRun(t.db, run.id, {
          status: 'completed',
          exitReason: 'end',
          exitedAt: new Date(),
        });
    };
    await make('a', ['trigger', 'wait'], false);
    await make('b', ['trigger', 'wait'], false);
    await make('c', ['trigger', 'wait', 'send'], true);
    await make('d', ['trigger', 'wait', 'send', 'wait'], false); // loops back: entered counts distinct runs

    expect(await nodeCounts(t.db, [version.id])).toEqual([
      { nodeId: 'send', entered: 2, waitingNow: 0, exited: 1 },
      { nodeId: 'trigger', entered: 4, waitingNow: 0, exited: 0 },
      { nodeId: 'wait', entered: 4, waitingNow: 3, exited: 0 },
    ]);
    expect(await nodeCounts(t.db, [])).toEqual([]);
  });
});
