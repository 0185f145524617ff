import { setConsent, type Db } from '@yatra/db';
import { randomUUID } from 'node:crypto';
import type { CustomerSnapshot, RunState } from '@yatra/nodes';
import {
  ProviderError,
  type Channel,
  type ChannelAdapter,
  type ProviderMessage,
} from '../channels/channel-adapter';
import { sandboxAdapters, type ChannelAdapters } from '../channels/adapters';
import type { StepChannelScope } from '../channels/channel-provider';

/** What a scripted provider does with one call: accept, or fail like a provider would. */
export type ProviderBehaviour =
  | 'accept'
  | { fail: 'retryable' | 'permanent'; code: string }
  /** Accepts the message, then the answer is lost (a timeout after the provider took it). */
  | 'accept-then-lose-answer';

/**
 * A test provider for one channel that counts calls and, like real providers, delivers each
 * idempotency key once however often it is called. `script` says what each call does in turn
 * (the last entry repeats).
 */
export function scriptedAdapter(channel: Channel, script: ProviderBehaviour[] = ['accept']) {
  const calls: ProviderMessage[] = [];
  const delivered = new Map<string, ProviderMessage>();
  const adapter: ChannelAdapter = {
    provider: `test-${channel}`,
    channel,
    async send(message) {
      calls.push(message);
      const behaviour = script[Math.min(calls.length - 1, script.length - 1)] ?? 'accept';
      if (typeof behaviour === 'object')
        throw new ProviderError(`${channel} said ${behaviour.code}`, {
          retryable: behaviour.fail === 'retryable',
          code: behaviour.code,
        });
      if (!delivered.has(message.idempotencyKey)) delivered.set(message.idempotencyKey, message);
      if (behaviour === 'accept-then-lose-answer')
        throw new Error(`${channel}: connection reset after the provider accepted`);
      return { providerMessageId: `${channel}-${delivered.size}` };
    },
  };
  return { adapter, calls, delivered };
}

/** Sandbox adapters everywhere, except those given. */
export function adaptersWith(overrides: Partial<ChannelAdapters> = {}): ChannelAdapters {
  return { ...sandboxAdapters(), ...overrides };
}

/** A run's customer with a phone and an email, in Asia/Kolkata. */
export function testCustomer(id: string, extra: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  return {
    id,
    name: 'Asha',
    phone: '+919800000001',
    email: `${id}@example.com`,
    language: 'en',
    timeZone: 'Asia/Kolkata',
    attributes: {},
    ...extra,
  };
}

/** The scope of one send step: a fresh run of `journeyId` for `customer`, at `at`. */
export function stepScope(
  customer: CustomerSnapshot,
  at: Date,
  opts: { journeyId?: string; runId?: string; nodeId?: string } = {},
): StepChannelScope {
  const journeyId = opts.journeyId ?? randomUUID();
  const runId = opts.runId ?? randomUUID();
  const nodeId = opts.nodeId ?? 'send';
  const state: RunState = {
    v: 1,
    run: { journeyId, versionId: randomUUID(), runId, customerId: customer.id },
    enteredAt: at.getTime(),
    windowEndsAt: at.getTime() + 45 * 86_400_000,
    facts: {
      customer,
      trigger: {
        type: 'order.placed',
        customerId: customer.id,
        occurredAt: at.toISOString(),
        properties: {},
      },
      order: {},
      event: null,
      eventCounts: {},
      outputs: {},
      journey: { id: journeyId, versionId: 'v', runId, daysSinceEntry: 0 },
    },
    seq: 1,
    visits: 1,
    pending: { kind: 'exit', reason: 'test', at: at.getTime() },
  };
  return { idempotencyKey: `${runId}:${nodeId}:1`, state, nodeId, at };
}

/** Grants marketing consent on `channel`, as a fixture would for a customer who opted in. */
export async function grantMarketing(db: Db, customerId: string, channel = 'whatsapp') {
  await setConsent(db, {
    customerId,
    channel,
    purpose: 'marketing',
    granted: true,
    source: 'test',
    at: new Date(0),
  });
}
