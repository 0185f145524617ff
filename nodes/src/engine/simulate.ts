import { DAY_MS } from '../contract/durations';
import type { CustomerEvent, CustomerSnapshot } from '../contract/facts';
import type { OutboundMessage } from '../contract/define-node';
import type { CompiledJourney } from '../journey/ir';
import { defaultRegistry, type NodeRegistry } from '../registry';
import { simulatedMedia } from '../builtins/media/simulated-media';
import { createNodeContext } from './node-context';
import { createSimulatedLoyalty, type SimulatedLoyaltySeed } from './simulated-loyalty';
import {
  createSimulatedSending,
  type SimulatedDecision,
  type SimulatedSendingSeed,
} from './simulated-sending';
import { runJourney } from './run-journey';
import type { RunState, StepRecord } from './state';
import { enterJourney } from './step';

/** An event scripted for a simulation, at an absolute time or a (fractional) day after entry. */
export interface ScriptedEvent {
  type: string;
  at?: string;
  day?: number;
  properties?: Record<string, unknown>;
}

export interface SimulationInput {
  customer: CustomerSnapshot;
  entryEvent: Omit<CustomerEvent, 'customerId' | 'occurredAt'> & { occurredAt?: string };
  events?: ScriptedEvent[];
  /** When the customer enters; defaults to the entry event's time, else 2026-01-01T04:30Z. */
  startAt?: string;
  journeyId?: string;
  /**
   * The customer's loyalty standing at entry, for loyalty nodes; default
   * `customer.attributes.loyalty` (what the CLI's and the canvas's customer JSON can carry).
   */
  loyalty?: SimulatedLoyaltySeed;
  /** Consents, send settings and inbound replies the send rules see; default: fully opted in. */
  sending?: SimulatedSendingSeed;
}

export interface SimulatedStep extends Omit<StepRecord, 'at'> {
  at: string;
  day: number;
}

export interface SimulatedMessage extends OutboundMessage {
  nodeId: string;
  idempotencyKey: string;
  at: string;
  day: number;
}

/** A send the rules skipped, deferred or could not deliver, as the customer timeline shows it. */
export interface SimulatedSendDecision extends Omit<SimulatedDecision, 'at' | 'until'> {
  at: string;
  day: number;
  until?: string;
}

export interface SimulationResult {
  steps: SimulatedStep[];
  messages: SimulatedMessage[];
  decisions: SimulatedSendDecision[];
  exit: { reason: string; nodeId?: string; at: string; day: number };
  path: string[];
}

/**
 * Runs one customer through a compiled journey on a virtual clock, through the same step
 * function and loop as production; action nodes run their real `run` against an in-memory
 * channel that records what would be sent.
 * @example
 * const result = await simulate(ir, { customer, entryEvent: { type: 'order.placed', properties: {...} },
 *   events: [{ day: 3, type: 'order.delivered', properties: { orderId: 'o1' } }] });
 */
export async function simulate(
  ir: CompiledJourney,
  input: SimulationInput,
  registry: NodeRegistry = defaultRegistry,
): Promise<SimulationResult> {
  const startMs = Date.parse(
    input.startAt ?? input.entryEvent.occurredAt ?? '2026-01-01T04:30:00.000Z',
  );
  const dayOf = (ms: number) => Math.round(((ms - startMs) / DAY_MS) * 1000) / 1000;
  const customerId = input.customer.id;
  const entryEvent: CustomerEvent = {
    ...input.entryEvent,
    customerId,
    occurredAt: new Date(startMs).toISOString(),
  };
  const queue = (input.events ?? [])
    .map((e, index) => ({
      index,
      atMs: e.at ? Date.parse(e.at) : startMs + (e.day ?? 0) * DAY_MS,
      event: e,
    }))
    .filter((e) => e.atMs >= startMs)
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  let now = startMs;
  const steps: SimulatedStep[] = [];
  const messages: SimulatedMessage[] = [];
  const keep = (records: StepRecord[]) => {
    for (const r of records)
      steps.push({ ...r, at: new Date(r.at).toISOString(), day: dayOf(r.at) });
  };
  const run = {
    journeyId: input.journeyId ?? 'simulation',
    versionId: 'simulation',
    runId: `sim-${customerId}`,
    customerId,
  };
  let final: RunState | undefined;
  const sending = createSimulatedSending(input.sending);
  const loyalty = createSimulatedLoyalty(
    input.loyalty ?? input.customer.attributes.loyalty,
    startMs,
  );

  await runJourney(
    ir,
    enterJourney(ir, { run, customer: input.customer, entryEvent, now }, registry),
    {
      now: () => now,
      takeEvent() {
        const next = queue[0];
        if (!next || next.atMs > now) return undefined;
        queue.shift();
        if (next.event.type === 'message.received') sending.noteInbound(next.atMs);
        return {
          type: next.event.type,
          customerId,
          occurredAt: new Date(next.atMs).toISOString(),
          properties: next.event.properties ?? {},
        };
      },
      async waitForEvent(until) {
        const next = queue[0];
        if (next && next.atMs <= until) {
          now = Math.max(now, next.atMs);
          return true;
        }
        now = Math.max(now, until);
        return false;
      },
      async runAction(effect, state, records) {
        keep(records);
        const def = registry.get(effect.nodeType, effect.typeVersion);
        if (!def?.run)
          throw new Error(`Node type ${effect.nodeType} v${effect.typeVersion} has no run()`);
        const ctx = createNodeContext(effect, state, {
          now: new Date(now),
          attempt: 1,
          logger: { info: () => undefined, warn: () => undefined },
          channels: {
            send: (message) =>
              sending.send(
                message,
                { nodeId: effect.nodeId, now, customer: state.facts.customer },
                (channel) => {
                  messages.push({
                    ...message,
                    channel,
                    nodeId: effect.nodeId,
                    idempotencyKey: effect.idempotencyKey,
                    at: new Date(now).toISOString(),
                    day: dayOf(now),
                  });
                  return `sim-${messages.length}`;
                },
              ),
          },
          media: simulatedMedia,
          loyalty,
        });
        const failurePort = ir.nodes[effect.nodeId]?.activity?.failurePort;
        try {
          return await def.run(ctx, def.config.parse(effect.config));
        } catch (error) {
          // As in the workflow: a node with a failure port degrades instead of failing the run.
          if (!failurePort) throw error;
          return {
            port: failurePort,
            output: { error: error instanceof Error ? error.message : String(error) },
          };
        }
      },
      async flush(records) {
        keep(records);
      },
      async finish(state, records) {
        keep(records);
        final = state;
      },
    },
    registry,
  );
  const exit =
    final?.pending.kind === 'exit'
      ? final.pending
      : { reason: 'unknown', at: now, nodeId: undefined };
  return {
    steps,
    messages,
    decisions: sending.decisions.map(({ at, until, ...d }) => ({
      ...d,
      at: new Date(at).toISOString(),
      day: dayOf(at),
      ...(until !== undefined ? { until: new Date(until).toISOString() } : {}),
    })),
    exit: {
      reason: exit.reason,
      nodeId: exit.nodeId,
      at: new Date(exit.at).toISOString(),
      day: dayOf(exit.at),
    },
    path: steps.filter((s) => s.port !== null || s.detail.exit !== undefined).map((s) => s.nodeId),
  };
}
