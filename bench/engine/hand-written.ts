// The bench journey as an engineer would hand-write it as a Temporal workflow: straight-line
// code, no IR, no step function, no runtime import of @yatra/nodes (types only). It calls the
// same activities with the same inputs the interpreter passes (the run state each action sees,
// the step records since the last activity, the same idempotency keys) and the same activity
// options, so the bench compares the engines and nothing else. Workflow code: deterministic, no
// Node built-ins, no server packages.
import { proxyActivities } from '@temporalio/workflow';
import type {
  ActionEffect,
  CustomerEvent,
  CustomerSnapshot,
  OrderFacts,
  RunIdentity,
  RunState,
  StepRecord,
} from '@yatra/nodes';
import type { JourneyActivities } from '@yatra/worker/activities';
import {
  BOOKKEEPING_ACTIVITY_OPTIONS,
  EXIT_NODE_ID,
  EXIT_REASON,
  SEND_ACTIVITY_OPTIONS,
  SEND_NODE_TYPE,
  SEND_NODE_VERSION,
  SEND_NODES,
  TRIGGER_NODE_ID,
  WINDOW_DAYS,
} from './journey';

export interface HandWrittenInput {
  run: RunIdentity;
  customer: CustomerSnapshot;
  entryEvent: CustomerEvent;
}

const DAY_MS = 86_400_000;

const { executeNode } = proxyActivities<JourneyActivities>(SEND_ACTIVITY_OPTIONS);
const { finishRun } = proxyActivities<JourneyActivities>(BOOKKEEPING_ACTIVITY_OPTIONS);

const text = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** The order facts of the entry `order.placed` event (what templates read as `order.*`). */
function orderOf(event: CustomerEvent): OrderFacts {
  const p = event.properties;
  return {
    id: text(p.orderId),
    status: 'placed',
    paymentMethod: text(p.paymentMethod),
    total: typeof p.total === 'number' ? p.total : undefined,
    items: Array.isArray(p.items) ? p.items : undefined,
    placedAt: event.occurredAt,
  };
}

export async function handWrittenWorkflow(input: HandWrittenInput): Promise<{ reason: string }> {
  const { run, customer, entryEvent } = input;
  const enteredAt = Date.now();
  let state: RunState = {
    v: 1,
    run,
    enteredAt,
    windowEndsAt: enteredAt + WINDOW_DAYS * DAY_MS,
    facts: {
      customer,
      trigger: entryEvent,
      order: orderOf(entryEvent),
      event: null,
      eventCounts: { [entryEvent.type]: 1 },
      outputs: {},
      journey: { id: run.journeyId, versionId: run.versionId, runId: run.runId, daysSinceEntry: 0 },
    },
    seq: 1,
    visits: 1,
    unclaimed: [],
    pending: { kind: 'exit', reason: 'not_started', at: enteredAt },
  };
  let records: StepRecord[] = [
    {
      seq: 0,
      nodeId: TRIGGER_NODE_ID,
      nodeType: 'trigger.event',
      port: 'next',
      at: enteredAt,
      detail: {},
    },
  ];

  for (const node of SEND_NODES) {
    const effect: ActionEffect = {
      kind: 'action',
      nodeId: node.id,
      nodeType: SEND_NODE_TYPE,
      typeVersion: SEND_NODE_VERSION,
      config: node.config,
      idempotencyKey: `${run.runId}:${node.id}:${state.seq}`,
    };
    state = { ...state, visits: state.visits + 1, pending: effect };
    const result = await executeNode({ effect, state, records, now: Date.now() });
    const at = Date.now();
    const output = result.output;
    if (output)
      state = {
        ...state,
        facts: { ...state.facts, outputs: { ...state.facts.outputs, [node.id]: output } },
      };
    records = [
      {
        seq: state.seq,
        nodeId: node.id,
        nodeType: SEND_NODE_TYPE,
        port: result.port,
        at,
        detail: output ? { output } : {},
      },
    ];
    state = { ...state, seq: state.seq + 1 };
  }

  const exitedAt = Date.now();
  records.push({
    seq: state.seq,
    nodeId: EXIT_NODE_ID,
    nodeType: 'flow.exit',
    port: null,
    at: exitedAt,
    detail: { exit: EXIT_REASON },
  });
  await finishRun({ runId: run.runId, records, reason: EXIT_REASON, at: exitedAt });
  return { reason: EXIT_REASON };
}
