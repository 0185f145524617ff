import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRun, ingestEvents, listEvents } from '@yatra/db';
import type { JourneyDocumentInput } from '@yatra/nodes';
import type { JourneyWorkflowInput } from '@yatra/workflows';
import { createJourneyTestEnv, type JourneyTestEnv } from './testing/journey-test-env';

// A daily loop for 45 days makes a long history; the run must roll over with continue-as-new,
// keep its state (step numbers, so every send keeps a distinct key) and send each tick once.

const dailyTick: JourneyDocumentInput = {
  name: 'Daily tick',
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'app.installed' } },
    { id: 'tick', type: 'message.send', config: { templateId: 'tick', channel: 'push' } },
    {
      id: 'day',
      type: 'flow.wait',
      config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
    },
  ],
  edges: [
    { source: 'start', target: 'tick' },
    { source: 'tick', target: 'day' },
    { source: 'day', target: 'tick' },
  ],
};

let t: JourneyTestEnv;
beforeAll(async () => {
  t = await createJourneyTestEnv();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

it('continues as new through a long loop without losing or repeating a step', async () => {
  const { ir, journeyId, versionId } = await t.publish(dailyTick);
  await ingestEvents(t.db, [
    {
      type: 'app.installed',
      customerId: 'looper',
      occurredAt: new Date(),
      idempotencyKey: 'install-looper',
      properties: {},
    },
  ]);
  const [entry] = await listEvents(t.db, { customerId: 'looper' });
  const workflowId = `journey/${journeyId}/looper/${entry!.id}`;
  // Started by hand (not by the dispatcher) to set a small history limit.
  const { run } = await createRun(t.db, {
    journeyId,
    versionId,
    customerId: 'looper',
    entryEventId: entry!.id,
    workflowId,
    enteredAt: new Date(),
  });
  const input: JourneyWorkflowInput = {
    ir,
    run: { journeyId, versionId, runId: run.id, customerId: 'looper' },
    customer: { id: 'looper', language: 'en', timeZone: 'Asia/Kolkata', attributes: {} },
    entryEvent: {
      id: entry!.id,
      type: 'app.installed',
      customerId: 'looper',
      occurredAt: entry!.occurredAt.toISOString(),
      properties: {},
    },
    historyLimit: 60,
  };
  const handle = await t.client.workflow.start('journeyWorkflow', {
    taskQueue: t.taskQueue,
    workflowId,
    args: [input],
  });
  await t.finishAll();

  const ticks = await t.messages('looper');
  expect(ticks).toHaveLength(45);
  expect(new Set(ticks.map((m) => m.idempotencyKey)).size).toBe(45);
  const [finished] = await t.runs('looper');
  expect(finished).toMatchObject({ status: 'completed', exitReason: 'window_end' });
  const steps = await t.steps(run.id);
  expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i));
  // The run that finished is not the one that started: it rolled over.
  const latest = await t.client.workflow.getHandle(workflowId).describe();
  expect(latest.runId).not.toBe(handle.firstExecutionRunId);
});
