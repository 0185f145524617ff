import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import {
  events,
  journeyRuns,
  journeys,
  journeySteps,
  journeyVersions,
  messages,
  pointsLedger,
  type Customer,
  type LedgerKind,
  type RunStatus,
} from '../schema';
import { getCustomer } from './customers';
import { listSendDecisions } from './send-decisions';

export type TimelineItem =
  | { kind: 'event'; at: Date; eventId: number; type: string; properties: Record<string, unknown> }
  | {
      kind: 'run.entered';
      at: Date;
      runId: string;
      journeyId: string;
      journeyName: string;
      versionId: string;
      version: number;
      workflowId: string;
    }
  | {
      kind: 'run.exited';
      at: Date;
      runId: string;
      journeyId: string;
      journeyName: string;
      status: RunStatus;
      exitReason: string | null;
    }
  | {
      kind: 'step';
      at: Date;
      runId: string;
      journeyId: string;
      seq: number;
      nodeId: string;
      nodeType: string;
      port: string | null;
      detail: Record<string, unknown>;
    }
  | {
      kind: 'message';
      at: Date;
      messageId: string;
      runId: string | null;
      journeyId: string | null;
      nodeId: string | null;
      channel: string;
      templateId: string;
      category: string;
      status: string;
      recipient: string | null;
      body: string;
    }
  | {
      /** A send the rules stopped, delayed or redirected, or a provider refused (send_decisions). */
      kind: 'send.decision';
      at: Date;
      decisionId: string;
      runId: string | null;
      journeyId: string | null;
      nodeId: string | null;
      channel: string;
      templateId: string;
      category: string;
      /** skipped | deferred | fallback | failed */
      decision: string;
      /** consent, quiet_hours, frequency_cap, whatsapp_window, provider… (docs/sending.md) */
      rule: string;
      reason: string;
      until: Date | null;
    }
  | {
      /** A loyalty ledger movement (earn, redeem, expire, adjust, reverse). */
      kind: 'loyalty';
      at: Date;
      entryId: number;
      entryKind: LedgerKind;
      /** Signed: credits > 0, debits < 0. */
      points: number;
      reason: string;
      orderId: string | null;
      balanceAfter: number | null;
    };

export interface CustomerTimeline {
  customer: Customer | null;
  items: TimelineItem[];
}

// At equal times, cause comes before effect: the event, then the entry, its steps, the points
// they moved, their sends (an earn confirmation follows the earn), the exit.
const KIND_ORDER: Record<TimelineItem['kind'], number> = {
  event: 0,
  'run.entered': 1,
  step: 2,
  loyalty: 3,
  'send.decision': 4,
  message: 4,
  'run.exited': 5,
};

/**
 * Everything that happened to one customer — events, journey entries/exits, steps, loyalty
 * movements, send decisions (skipped, deferred, fallback, failed), messages — oldest first.
 */
export async function getCustomerTimeline(db: Db, customerId: string): Promise<CustomerTimeline> {
  const [customer, eventRows, runRows, stepRows, decisionRows, messageRows, ledgerRows] =
    await Promise.all([
      getCustomer(db, customerId),
      db.select().from(events).where(eq(events.customerId, customerId)).orderBy(asc(events.id)),
      db
        .select({ run: journeyRuns, journeyName: journeys.name, version: journeyVersions.version })
        .from(journeyRuns)
        .innerJoin(journeys, eq(journeys.id, journeyRuns.journeyId))
        .innerJoin(journeyVersions, eq(journeyVersions.id, journeyRuns.versionId))
        .where(eq(journeyRuns.customerId, customerId))
        .orderBy(asc(journeyRuns.enteredAt)),
      db
        .select({ step: journeySteps, journeyId: journeyRuns.journeyId })
        .from(journeySteps)
        .innerJoin(journeyRuns, eq(journeyRuns.id, journeySteps.runId))
        .where(eq(journeyRuns.customerId, customerId))
        .orderBy(asc(journeySteps.runId), asc(journeySteps.seq)),
      listSendDecisions(db, { customerId, order: 'asc', limit: 1000 }),
      db
        .select()
        .from(messages)
        .where(eq(messages.customerId, customerId))
        .orderBy(asc(messages.createdAt), asc(messages.sentAt)),
      db
        .select()
        .from(pointsLedger)
        .where(eq(pointsLedger.customerId, customerId))
        .orderBy(asc(pointsLedger.occurredAt), asc(pointsLedger.id)),
    ]);

  const items: TimelineItem[] = [];
  for (const e of eventRows) {
    items.push({
      kind: 'event',
      at: e.occurredAt,
      eventId: e.id,
      type: e.type,
      properties: e.properties,
    });
  }
  for (const { run, journeyName, version } of runRows) {
    const common = { runId: run.id, journeyId: run.journeyId, journeyName };
    items.push({
      kind: 'run.entered',
      at: run.enteredAt,
      ...common,
      versionId: run.versionId,
      version,
      workflowId: run.workflowId,
    });
    if (run.exitedAt) {
      items.push({
        kind: 'run.exited',
        at: run.exitedAt,
        ...common,
        status: run.status,
        exitReason: run.exitReason,
      });
    }
  }
  for (const { step, journeyId } of stepRows) {
    items.push({
      kind: 'step',
      at: step.at,
      runId: step.runId,
      journeyId,
      seq: step.seq,
      nodeId: step.nodeId,
      nodeType: step.nodeType,
      port: step.port,
      detail: step.detail,
    });
  }
  // Before the messages: at one instant, "WhatsApp failed" reads before the SMS that replaced it.
  for (const d of decisionRows) {
    items.push({
      kind: 'send.decision',
      at: d.createdAt,
      decisionId: d.id,
      runId: d.runId,
      journeyId: d.journeyId,
      nodeId: d.nodeId,
      channel: d.channel,
      templateId: d.templateId,
      category: d.category,
      decision: d.decision,
      rule: d.rule,
      reason: d.reason,
      until: d.until,
    });
  }
  for (const m of messageRows) {
    items.push({
      kind: 'message',
      at: m.createdAt,
      messageId: m.id,
      runId: m.runId,
      journeyId: m.journeyId,
      nodeId: m.nodeId,
      channel: m.channel,
      templateId: m.templateId,
      category: m.category,
      status: m.status,
      recipient: m.recipient,
      body: m.body,
    });
  }
  for (const e of ledgerRows) {
    items.push({
      kind: 'loyalty',
      at: e.occurredAt,
      entryId: e.id,
      entryKind: e.kind,
      points: e.points,
      reason: e.reason,
      orderId: e.orderId,
      balanceAfter: e.balanceAfter,
    });
  }
  // Array.prototype.sort is stable, so the per-kind query order breaks remaining ties.
  items.sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return { customer, items };
}
