import { z } from 'zod';
import type { CustomerSnapshot, RunFacts } from './facts';
import type { HttpService, SecretStore } from './http';
import type { LoyaltyService } from './loyalty-service';
import { assertDeclaredPort, callerFile, checkDeclaration } from './node-checks';
import type { Predicate } from './predicates';

/**
 * Where a node appears in the palette; a brand's own nodes use `custom`.
 * @example const category: NodeCategory = 'custom'; // the palette's "Custom" group
 */
export type NodeCategory =
  'trigger' | 'flow' | 'audience' | 'message' | 'media' | 'loyalty' | 'custom';

/**
 * The message a node hands to a channel; the worker adds the idempotency key and recipient.
 * @example
 * await ctx.channels.send({ channel: 'whatsapp', templateId: 'comeback_offer', category: 'utility',
 *   variables: { code: ctx.render('{{outputs.discount.code}}') } });
 */
export interface OutboundMessage {
  channel: 'whatsapp' | 'email' | 'sms' | 'push';
  templateId: string;
  category: 'utility' | 'marketing' | 'authentication';
  variables: Record<string, string>;
  body?: string;
  /** Marketing in quiet hours (or promotional SMS outside 09:00–21:00): wait (default) or skip. */
  quietHours?: 'wait' | 'skip';
  /** Channels to try, in order, when this one is terminally undeliverable (never on an opt-out). */
  fallback?: Array<'whatsapp' | 'email' | 'sms' | 'push'>;
  /** WhatsApp free-form text, sent instead of the template inside the 24-hour window. */
  freeForm?: string;
  /** Claim on the marketing frequency cap: `low` stops one message earlier (docs/sending.md). */
  priority?: 'normal' | 'low';
}

/**
 * What became of a send. The rules may skip it (`rule`, `reason`), defer it to `retryAt` (the
 * node then returns `retryAt` so the run waits durably and tries again), or a fallback channel
 * may carry it. `messageId` is null when nothing was sent.
 * @example const { status, messageId } = await ctx.channels.send(message); // 'sent', 'msg-…'
 */
export interface SendResult {
  messageId: string | null;
  /** False when an earlier attempt of this step already sent it. */
  created: boolean;
  /** Absent means sent (hosts written before the send rules). */
  status?: 'sent' | 'skipped' | 'deferred' | 'failed';
  /** The channel that carried (or would have carried) the message. */
  channel?: OutboundMessage['channel'];
  rule?: string;
  reason?: string;
  /** For `deferred`: epoch ms when the send may be tried again. */
  retryAt?: number;
}

/**
 * A personalized video to render: a template id plus the values of its placeholders.
 * @example { templateId: 'order_confirmation', data: { name: 'Asha' }, language: 'hi' }
 */
export interface VideoRenderRequest {
  templateId: string;
  /** Placeholder values (name, sku, eta, points…), already rendered from the run's facts. */
  data: Record<string, string>;
  /** Picks the template's text variant and, through the text's script, the font (en, hi, ta…). */
  language: string;
}

/**
 * Stable URLs of a rendered video, its thumbnail and its GIF fallback.
 * @example const { videoUrl, gifUrl } = await ctx.media!.renderVideo(request);
 */
export interface RenderedVideo {
  videoUrl: string;
  thumbnailUrl: string;
  gifUrl: string;
}

/**
 * Services an action node may use. A node imports no server module: everything it touches
 * arrives here, so the worker, the simulator and node tests can each provide their own
 * (docs/authoring-nodes.md has the table of who provides what).
 * @example
 * async run(ctx, config) {
 *   ctx.logger.info(`attempt ${ctx.attempt} for ${ctx.customer.id}`);
 *   const res = await ctx.http?.fetch({ method: 'POST', url: config.url, timeoutMs: 5_000,
 *     headers: { 'Idempotency-Key': ctx.idempotencyKey }, body: ctx.render('{{customer.id}}') });
 *   return { port: res && res.status < 300 ? 'sent' : 'failed' };
 * }
 */
export interface NodeContext {
  /** Stable across retries of this step: derived from (run, node, step). Key every side effect with it. */
  idempotencyKey: string;
  /** The journey's clock (virtual in simulations and time-skipping tests). */
  now: Date;
  /** 1 on the first try, 2 on the first retry, … */
  attempt: number;
  run: { journeyId: string; versionId: string; runId: string; nodeId: string };
  customer: CustomerSnapshot;
  facts: RunFacts;
  /** Fills `{{path}}` placeholders from the run's facts. */
  render(template: string): string;
  channels: {
    send(message: OutboundMessage): Promise<SendResult>;
  };
  logger: {
    info(message: string, meta?: Record<string, unknown>): void;
    warn(message: string, meta?: Record<string, unknown>): void;
  };
  /**
   * The video renderer; absent where the host has none. It rejects with an Error whose
   * `permanent` is true when retrying cannot help (unknown template, missing asset).
   */
  media?: { renderVideo(request: VideoRenderRequest): Promise<RenderedVideo> };
  /** Tells the host a long step is alive (an activity heartbeat); a no-op in simulations. */
  heartbeat(): void;
  /** The loyalty ledger of the run's customer; absent where the host has none. */
  loyalty?: LoyaltyService;
  /** Outbound HTTP (the worker's; a fake in tests); absent in the canvas simulator. */
  http?: HttpService;
  /** Named secrets, e.g. API tokens (`YATRA_SECRET_<NAME>` in the worker); absent in simulations. */
  secrets?: SecretStore;
}

/**
 * What an action node's `run` returns: the port to follow and data later nodes can read as
 * `{{outputs.<node id>.<key>}}`. The port must be one the node declares.
 * @example return { port: 'next', output: { code: 'THANKS-1Q2W' } };
 */
export interface NodeResult<P extends string = string> {
  port: P;
  output?: Record<string, unknown>;
  /**
   * Instead of following `port`, run this step again at this instant (epoch ms) with the same
   * idempotency key: the run waits durably meanwhile (a send deferred by quiet hours).
   */
  retryAt?: number;
}

/**
 * Read-only view a control node decides from; pure data, no services.
 * @example evaluate: (config, env) => ({ wait: { until: env.now + 3_600_000, onTimeout: 'next' } })
 */
export interface ControlEnv {
  nodeId: string;
  now: number;
  enteredAt: number;
  windowEndsAt: number;
  facts: RunFacts;
}

/**
 * What a control node decides: go on now, wait (for time and maybe an event), or end the run.
 * @example
 * { port: 'yes' }
 * { wait: { until: env.now + DAY_MS, event: { type: 'order.delivered', filters: [], sameOrder: true },
 *           onEvent: 'event', onTimeout: 'timeout' } }
 * { exit: 'completed' }
 */
export type ControlOutcome<P extends string = string> =
  | { port: P; detail?: Record<string, unknown> }
  | {
      wait: {
        until: number;
        event?: { type: string; filters: Predicate[]; sameOrder: boolean };
        onEvent?: P;
        onTimeout: P;
      };
    }
  | { exit: string };

interface NodeIdentity<S extends z.ZodType> {
  /** Stable id, e.g. `message.send`; never reused for another meaning. */
  type: string;
  /** Bump when the config shape changes; old versions stay registered while journeys use them. */
  version: number;
  title: string;
  category: NodeCategory;
  /** An emoji or short glyph shown in the palette and on the canvas. */
  icon: string;
  description: string;
  /** Single source of the config's TypeScript type, form, compile-time validation and run-time parse. */
  config: S;
  /** A config that compiles; the registry test checks it, the palette uses it as the default. */
  example: z.input<S>;
  /**
   * Upgrades a config written for an older `version` of this type (the editor calls it when a
   * draft is opened; published versions keep running the version they were compiled with).
   */
  migrate?(oldConfig: unknown, fromVersion: number): z.input<S>;
}

type Ports<S extends z.ZodType, P extends string> =
  readonly P[] | ((config: z.output<S>) => readonly P[]);

/**
 * An action node runs in the worker, as a retried, idempotent activity.
 * @example
 * defineNode({ type: 'acme.ping', version: 1, title: 'Ping', category: 'custom', icon: '📡',
 *   description: 'Pings the CRM', kind: 'action', ports: ['next', 'failed'], failurePort: 'failed',
 *   retry: { maximumAttempts: 3 }, timeoutMs: 15_000, config: z.object({}), example: {},
 *   run: async () => ({ port: 'next' }) });
 */
export interface ActionNodeSpec<S extends z.ZodType, P extends string> extends NodeIdentity<S> {
  kind: 'action';
  ports: Ports<S, P>;
  run(ctx: NodeContext, config: z.output<S>): Promise<NodeResult<P>>;
  /** Activity policy; defaults suit an HTTP call. */
  retry?: { maximumAttempts?: number; initialIntervalMs?: number };
  timeoutMs?: number;
  /** For long steps that call `ctx.heartbeat()`: the longest silence before an attempt is retried. */
  heartbeatTimeoutMs?: number;
  /** The port a run takes when the step fails for good (retries spent, timed out) instead of failing. */
  failurePort?: P;
}

/**
 * A control node is decided inside the workflow by pure code (waits, splits, exits). Built-ins
 * only for now: the workflow bundle evaluates them zod-free (docs/design-notes.md).
 * @example
 * defineNode({ ..., kind: 'control', ports: ['next'], evaluate: (config, env) =>
 *   ({ wait: { until: env.now + durationMs(config.duration), onTimeout: 'next' } }) });
 */
export interface ControlNodeSpec<S extends z.ZodType, P extends string> extends NodeIdentity<S> {
  kind: 'control';
  ports: Ports<S, P>;
  /** `entry` marks the trigger: the node a run starts at, with no inputs. */
  role?: 'entry' | 'exit';
  evaluate(config: z.output<S>, env: ControlEnv): ControlOutcome<P>;
  /** The longest this node can hold a customer (compile checks it against the window). */
  maxDelayMs?(config: z.output<S>): number;
  /**
   * The least time this node always takes. A loop must contain a node with a positive minimum,
   * or it would spin (an "until day N" wait takes no time once day N has passed).
   */
  minDelayMs?(config: z.output<S>): number;
}

/**
 * What `defineNode` takes: an action or a control node declaration.
 * @example const spec: NodeSpec<typeof config, 'next'> = { ...identity, kind: 'action', ports: ['next'], run };
 */
export type NodeSpec<S extends z.ZodType, P extends string> =
  ActionNodeSpec<S, P> | ControlNodeSpec<S, P>;

/**
 * A registered node type with its types erased, so built-ins and custom nodes share one registry.
 * `defineNode` returns it; `run` checks the returned port; `definedAt` names the file.
 * @example
 * const node: NodeDefinition = defineNode({ ... });
 * node.portsFor(node.example) // ['sent', 'failed', 'timeout']
 * Methods (not arrow properties) keep parameter checks bivariant: each call site parses the
 * config with the node's own schema first, so the erased `unknown` is always the right shape.
 */
export interface NodeDefinition extends Omit<NodeIdentity<z.ZodType>, 'example'> {
  kind: 'action' | 'control';
  role?: 'entry' | 'exit';
  example: unknown;
  portsFor(config: unknown): readonly string[];
  run?(ctx: NodeContext, config: unknown): Promise<NodeResult>;
  evaluate?(config: unknown, env: ControlEnv): ControlOutcome;
  maxDelayMs?(config: unknown): number;
  minDelayMs?(config: unknown): number;
  retry?: { maximumAttempts?: number; initialIntervalMs?: number };
  timeoutMs?: number;
  heartbeatTimeoutMs?: number;
  failurePort?: string;
  /** The file that called `defineNode`, when the stack tells (used in author errors). */
  definedAt?: string;
}

/**
 * Declares a node type. The config's zod schema types `run`/`evaluate` end to end.
 * @example
 * export default defineNode({
 *   type: 'custom.hello', version: 1, title: 'Say hello', category: 'custom', icon: '👋',
 *   description: 'Sends a hello on WhatsApp', kind: 'action', ports: ['next'],
 *   config: z.object({ templateId: z.string() }), example: { templateId: 'hello' },
 *   async run(ctx, config) {
 *     await ctx.channels.send({ channel: 'whatsapp', templateId: config.templateId,
 *       category: 'utility', variables: { name: ctx.customer.name ?? '' } });
 *     return { port: 'next' };
 *   },
 * });
 */
export function defineNode<S extends z.ZodType, P extends string>(
  spec: NodeSpec<S, P>,
): NodeDefinition {
  const definedAt = callerFile();
  checkDeclaration(spec, definedAt);
  const portsFor = (config: unknown): readonly string[] => {
    if (typeof spec.ports !== 'function') return spec.ports;
    const parsed = spec.config.safeParse(config);
    return parsed.success ? spec.ports(parsed.data) : [];
  };
  if (spec.kind === 'control') return { ...spec, portsFor, definedAt };
  // Every host (worker, simulator, runNode) calls this wrapper, so a port the node does not
  // declare fails loudly where it happens instead of as "port leads nowhere" later.
  const { run: runSpec, ports } = spec;
  const run = async (ctx: NodeContext, config: z.output<S>): Promise<NodeResult<P>> => {
    const result = await runSpec(ctx, config);
    const declared = typeof ports === 'function' ? ports(config) : ports;
    assertDeclaredPort(spec.type, declared, result, ctx.run.nodeId, definedAt);
    return result;
  };
  return { ...spec, portsFor, definedAt, run };
}
