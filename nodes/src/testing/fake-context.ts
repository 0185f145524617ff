// A typed fake `ctx` for node tests: the worker's services replaced by recorders, the run's
// facts built from a few overrides. `runNode` uses it; tests may also call a node's run with it.
import type {
  NodeContext,
  OutboundMessage,
  RenderedVideo,
  VideoRenderRequest,
} from '../contract/define-node';
import type { CustomerSnapshot, RunFacts } from '../contract/facts';
import type { HttpService, SecretStore } from '../contract/http';
import type { LoyaltyService } from '../contract/loyalty-service';
import { renderTemplate } from '../contract/render-template';

/** What a test may set; everything else gets a plausible default (customer Asha, Asia/Kolkata). */
export interface FakeContextOptions {
  customer?: Partial<CustomerSnapshot>;
  /** Facts beside the customer: `trigger`, `order`, `event`, `outputs` of earlier nodes… */
  facts?: Partial<Omit<RunFacts, 'customer'>>;
  now?: Date;
  nodeId?: string;
  /** Default `run-1:<nodeId>:1`; the same for every attempt, as in the worker. */
  idempotencyKey?: string;
  /** `ctx.http`; see `fakeHttp`. Absent: the node sees no HTTP, as in the canvas simulator. */
  http?: HttpService;
  /** `ctx.secrets`, as a map of names to values or a store. */
  secrets?: Record<string, string> | SecretStore;
  loyalty?: LoyaltyService;
  media?: { renderVideo(request: VideoRenderRequest): Promise<RenderedVideo> };
  /** Replaces the recording channel (e.g. to make a send fail). */
  send?: NodeContext['channels']['send'];
}

/** A message the fake channel accepted, with the idempotency key the worker would store. */
export interface SentMessage extends OutboundMessage {
  idempotencyKey: string;
  messageId: string;
  attempt: number;
}

export interface LogEntry {
  level: 'info' | 'warn';
  message: string;
  meta?: Record<string, unknown>;
  attempt: number;
}

/** What the services saw, over every attempt of the step. */
export interface FakeRecord {
  sent: SentMessage[];
  logs: LogEntry[];
  heartbeats: number;
}

/** A recorder plus a factory of contexts, one per attempt (same key, growing `attempt`). */
export interface FakeContext {
  record: FakeRecord;
  contextFor(attempt: number): NodeContext;
}

const defaultNow = new Date('2026-03-04T05:30:00.000Z');

/**
 * Builds fake contexts for one step. The fake channel is idempotent like the worker's outbox:
 * a second send with the same step key and channel returns the first message (`created: false`).
 * @example
 * const fake = createFakeContext({ customer: { name: 'Asha' }, secrets: { ACME_WEBHOOK: 'k' } });
 * const result = await node.run!(fake.contextFor(1), node.config.parse(config));
 * expect(fake.record.logs).toEqual([]);
 */
export function createFakeContext(options: FakeContextOptions = {}): FakeContext {
  const nodeId = options.nodeId ?? 'node-1';
  const now = options.now ?? defaultNow;
  const customer: CustomerSnapshot = {
    id: 'c1',
    name: 'Asha',
    phone: '+919800000001',
    email: 'asha@example.com',
    language: 'en',
    timeZone: 'Asia/Kolkata',
    attributes: {},
    ...options.customer,
  };
  const run = { journeyId: 'journey-1', versionId: 'version-1', runId: 'run-1' };
  const facts: RunFacts = {
    customer,
    trigger: {
      type: 'order.placed',
      customerId: customer.id,
      occurredAt: now.toISOString(),
      properties: {},
    },
    order: {},
    event: null,
    eventCounts: {},
    outputs: {},
    journey: { id: run.journeyId, versionId: run.versionId, runId: run.runId, daysSinceEntry: 0 },
    ...options.facts,
  };
  const idempotencyKey = options.idempotencyKey ?? `${run.runId}:${nodeId}:1`;
  const secrets = toSecretStore(options.secrets);
  const record: FakeRecord = { sent: [], logs: [], heartbeats: 0 };

  const contextFor = (attempt: number): NodeContext => {
    const log = (level: LogEntry['level']) => (message: string, meta?: Record<string, unknown>) =>
      void record.logs.push({ level, message, meta, attempt });
    return {
      idempotencyKey,
      now,
      attempt,
      run: { ...run, nodeId },
      customer,
      facts,
      render: (template) => renderTemplate(template, facts),
      channels: {
        send:
          options.send ??
          (async (message) => {
            const first = record.sent.find(
              (m) => m.idempotencyKey === idempotencyKey && m.channel === message.channel,
            );
            if (first) return { messageId: first.messageId, created: false };
            const messageId = `msg-${record.sent.length + 1}`;
            record.sent.push({ ...message, idempotencyKey, messageId, attempt });
            return { messageId, created: true };
          }),
      },
      logger: { info: log('info'), warn: log('warn') },
      heartbeat: () => void (record.heartbeats += 1),
      media: options.media,
      loyalty: options.loyalty,
      http: options.http,
      secrets,
    };
  };
  return { record, contextFor };
}

function toSecretStore(secrets: FakeContextOptions['secrets']): SecretStore | undefined {
  if (!secrets || isSecretStore(secrets)) return secrets;
  const map = new Map(Object.entries(secrets));
  return { get: (name) => map.get(name) };
}

const isSecretStore = (secrets: Record<string, string> | SecretStore): secrets is SecretStore =>
  typeof secrets.get === 'function';
