import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import {
  claimEventBatch,
  createRun,
  findLiveVersionsForTrigger,
  getCustomer,
  listOpenRunsForCustomer,
  listRuns,
  type Db,
  type EventRow,
} from '@yatra/db';
import {
  isCompiledJourney,
  testAll,
  type CustomerEvent,
  type CustomerSnapshot,
} from '@yatra/nodes';
import type { JourneyWorkflowInput } from '@yatra/workflows';
import { customerEventSignal } from '@yatra/workflows/signals';
import { applyLoyaltyEffects } from './loyalty/order-effects';
import { applyConsentEffects } from './sending/inbound-effects';

export interface DispatcherDeps {
  db: Db;
  client: Client;
  taskQueue: string;
  /** When runs enter (default: the wall clock); the journey test env passes Temporal's virtual time. */
  now?: () => Date;
}

/** Workflow ids name what they run: one per (journey, customer, entry event). */
export const runWorkflowId = (journeyId: string, customerId: string, eventId: number) =>
  `journey/${journeyId}/${customerId}/${eventId}`;

function toCustomerEvent(row: EventRow): CustomerEvent {
  return {
    id: row.id,
    type: row.type,
    customerId: row.customerId,
    occurredAt: row.occurredAt.toISOString(),
    properties: row.properties,
  };
}

async function snapshotOf(db: Db, customerId: string): Promise<CustomerSnapshot> {
  const c = await getCustomer(db, customerId);
  return {
    id: customerId,
    name: c?.name ?? null,
    phone: c?.phone ?? null,
    email: c?.email ?? null,
    language: c?.language ?? 'en',
    timeZone: c?.timeZone ?? 'Asia/Kolkata',
    attributes: c?.attributes ?? {},
  };
}

/** Delivers the event to the customer's open runs (goals, wait-for-event). */
async function signalOpenRuns(deps: DispatcherDeps, event: CustomerEvent) {
  for (const run of await listOpenRunsForCustomer(deps.db, event.customerId)) {
    if (run.workflowId.endsWith(`/${String(event.id)}`)) continue; // its own entry event
    try {
      await deps.client.workflow.getHandle(run.workflowId).signal(customerEventSignal, event);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error; // finished meanwhile: nothing to tell
    }
  }
}

/** Starts runs of every live journey this event triggers, as the re-entry policy allows. */
async function startRuns(deps: DispatcherDeps, row: EventRow, event: CustomerEvent) {
  const { db, client, taskQueue } = deps;
  const candidates = await findLiveVersionsForTrigger(db, row.type);
  if (candidates.length === 0) return;
  const customer = await snapshotOf(db, row.customerId);
  for (const live of candidates) {
    const ir = live.ir;
    if (!isCompiledJourney(ir))
      throw new Error(`Version ${live.versionId} holds no compiled journey`);
    if (!testAll({ trigger: event, customer }, ir.trigger.filters)) continue;
    const previous = await listRuns(db, { journeyId: live.journeyId, customerId: row.customerId });
    const retry = previous.some((r) => r.entryEventId === row.id);
    if (!retry) {
      if (ir.reentry.policy === 'once' && previous.length > 0) continue;
      if (ir.reentry.policy === 'after_exit' && previous.some((r) => r.status === 'running'))
        continue;
    }
    const workflowId = runWorkflowId(live.journeyId, row.customerId, row.id);
    const { run } = await createRun(db, {
      journeyId: live.journeyId,
      versionId: live.versionId,
      customerId: row.customerId,
      entryEventId: row.id,
      workflowId,
      enteredAt: deps.now?.() ?? new Date(),
    });
    const input: JourneyWorkflowInput = {
      ir,
      run: {
        journeyId: live.journeyId,
        versionId: live.versionId,
        runId: run.id,
        customerId: row.customerId,
      },
      customer,
      entryEvent: event,
    };
    try {
      await client.workflow.start('journeyWorkflow', { taskQueue, workflowId, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error; // a retry after a crash
    }
  }
}

/**
 * Delivers committed events to Temporal, oldest first. An event is marked dispatched only after
 * every signal and start succeeded; otherwise it stays undispatched and is retried, so an
 * accepted event is never lost (starts and signals are idempotent by workflow id / run state).
 * A failed event holds back later events of the same customer, to keep their order.
 */
export async function dispatchPending(deps: DispatcherDeps, limit = 100) {
  return claimEventBatch(deps.db, limit, async (rows) => {
    const blocked = new Set<string>();
    const outcomes = [];
    for (const row of rows) {
      if (blocked.has(row.customerId)) {
        outcomes.push({
          id: row.id,
          ok: false,
          error: 'waiting for an earlier event of this customer',
        });
        continue;
      }
      try {
        const event = toCustomerEvent(row);
        // Loyalty first (earn, reverse, cart offer; idempotent), so journeys see the new balance.
        await applyLoyaltyEffects(deps.db, row);
        // Replies and opt-outs before journeys see the event: the next send must honour them.
        await applyConsentEffects(deps.db, row);
        await signalOpenRuns(deps, event);
        await startRuns(deps, row, event);
        outcomes.push({ id: row.id, ok: true });
      } catch (error) {
        blocked.add(row.customerId);
        outcomes.push({
          id: row.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    return outcomes;
  });
}

/**
 * Polls for undispatched events until stopped. Returns a stop function that waits for the
 * current batch to finish.
 */
export function startDispatcher(
  deps: DispatcherDeps,
  options: { intervalMs?: number; onError?: (e: unknown) => void } = {},
) {
  const intervalMs = options.intervalMs ?? 250;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const result = await dispatchPending(deps);
        if (result.claimed > 0) continue;
      } catch (error) {
        options.onError?.(error);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
  };
}
