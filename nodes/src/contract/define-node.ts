import { z } from 'zod';
import type { CustomerSnapshot, RunFacts } from './facts';
import type { LoyaltyService } from './loyalty-service';
import type { Predicate } from './predicates';

/** Where a node appears in the palette. */
export type NodeCategory =
  'trigger' | 'flow' | 'audience' | 'message' | 'media' | 'loyalty' | 'custom';

/** The message a node hands to a channel; the worker adds the idempotency key and recipient. */
export interface OutboundMessage {
  channel: 'whatsapp' | 'email' | 'sms' | 'push';
  templateId: string;
  category: 'utility' | 'marketing' | 'authentication';
  variables: Record<string, string>;
  body?: string;
}

/** A personalized video to render: a template id plus the values of its placeholders. */
export interface VideoRenderRequest {
  templateId: string;
  /** Placeholder values (name, sku, eta, points…), already rendered from the run's facts. */
  data: Record<string, string>;
  /** Picks the template's text variant and, through the text's script, the font (en, hi, ta…). */
  language: string;
}

/** Stable URLs of a rendered video, its thumbnail and its GIF fallback. */
export interface RenderedVideo {
  videoUrl: string;
  thumbnailUrl: string;
  gifUrl: string;
}

/**
 * Services an action node may use. A node imports no server module: everything it touches
 * arrives here, so the worker, the simulator and node tests can each provide their own.
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
    send(message: OutboundMessage): Promise<{ messageId: string; created: boolean }>;
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
}

/** What an action node's `run` returns: the port to follow and data later nodes can read. */
export interface NodeResult<P extends string = string> {
  port: P;
  output?: Record<string, unknown>;
}

/** Read-only view a control node decides from; pure data, no services. */
export interface ControlEnv {
  nodeId: string;
  now: number;
  enteredAt: number;
  windowEndsAt: number;
  facts: RunFacts;
}

/** What a control node decides: go on now, wait (for time and maybe an event), or end the run. */
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
}

type Ports<S extends z.ZodType, P extends string> =
  readonly P[] | ((config: z.output<S>) => readonly P[]);

/** An action node runs in the worker, as a retried, idempotent activity. */
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

/** A control node is decided inside the workflow by pure code (waits, splits, exits). */
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

export type NodeSpec<S extends z.ZodType, P extends string> =
  ActionNodeSpec<S, P> | ControlNodeSpec<S, P>;

/**
 * A registered node type with its types erased, so built-ins and custom nodes share one registry.
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
  const portsFor = (config: unknown): readonly string[] => {
    if (typeof spec.ports !== 'function') return spec.ports;
    const parsed = spec.config.safeParse(config);
    return parsed.success ? spec.ports(parsed.data) : [];
  };
  return { ...spec, portsFor };
}
