// For node authors: one call runs a small journey around a node through the real interpreter,
// the real worker activities and the time-skipping Temporal server (a thin layer over
// createJourneyTestEnv). Unit tests use runNode (@yatra/nodes/testing) instead.
import type { JourneyStep, Message } from '@yatra/db';
import type { JourneyDocumentInput, NodeDefinition } from '@yatra/nodes';
import { randomUUID } from 'node:crypto';
import { registryWith } from '../node-registry';
import { createJourneyTestEnv, type JourneyTestEnv } from './journey-test-env';

/** A step after one of the node's ports; every port of it leads to the next step (or the exit). */
export interface FollowingStep {
  id?: string;
  type: string;
  version?: number;
  config?: unknown;
}

export interface NodeJourneyOptions {
  /** The node's config in the journey (validated by compile, as at publish). */
  config: unknown;
  /** Its id in the journey (default `node`): later steps read `{{outputs.<nodeId>.code}}`. */
  nodeId?: string;
  /** Pins the node's version (default: the newest registered). */
  version?: number;
  /** Steps after a port, in order, before the exit; ports not listed lead straight to an exit. */
  then?: Record<string, FollowingStep[]>;
  /**
   * The event that starts the run. Default: a fresh event type and customer per call, so runs in
   * a shared `env` do not start each other's journeys. `properties.customer` sets the profile.
   */
  event?: { type?: string; customerId?: string; properties?: Record<string, unknown> };
  /** Node types to register too (older versions, helpers); the node itself is registered. */
  nodes?: readonly NodeDefinition[];
  /** An environment to reuse, created with `createJourneyTestEnv({ nodes: [node, …] })`. */
  env?: JourneyTestEnv;
}

export interface NodeJourneyResult {
  /** The port the node took, or null if the run never got past it. */
  port: string | null;
  /** The node's output, as later steps saw it. */
  output: Record<string, unknown> | undefined;
  /** The run's end: `completed` / `failed`…, and the exit reason. */
  status: string;
  exitReason: string | null;
  steps: JourneyStep[];
  /** The customer's outbox, oldest first. */
  messages: Message[];
  journeyId: string;
  customerId: string;
}

/**
 * Publishes trigger → node → (your `then` steps per port) → exit, sends the trigger event, runs
 * until the run ends (virtual time skips waits and the node's retry backoff is real time), and
 * returns what the node did. Starts its own PostgreSQL and Temporal test server unless `env` is
 * given (then it only publishes a new journey into it).
 * @example
 * const result = await runJourneyWithNode(shopifyDiscount, {
 *   config: { shopUrl: `${server.url}/admin`, value: 15 },
 *   then: { next: [{ type: 'message.send', config: { channel: 'whatsapp', templateId: 'thanks',
 *     category: 'utility', variables: { code: '{{outputs.node.code}}' } } }] },
 *   event: { properties: { customer: { phone: '+919800000001' } } },
 * });
 * expect(result.messages[0]?.variables).toEqual({ code: result.output?.code });
 */
export async function runJourneyWithNode(
  node: NodeDefinition,
  options: NodeJourneyOptions,
): Promise<NodeJourneyResult> {
  const env =
    options.env ?? (await createJourneyTestEnv({ nodes: [node, ...(options.nodes ?? [])] }));
  try {
    const nodeId = options.nodeId ?? 'node';
    const eventType = options.event?.type ?? `node_test.run_${randomUUID().slice(0, 8)}`;
    const customerId = options.event?.customerId ?? `cust-${randomUUID().slice(0, 8)}`;
    const registry = registryWith([node, ...(options.nodes ?? [])]);
    const document = journeyAround(
      node,
      options,
      nodeId,
      eventType,
      (type, version, config) => registry.get(type, version)?.portsFor(config) ?? [],
    );
    const { journeyId } = await env.publish(document);
    await env.send({ type: eventType, customerId, properties: options.event?.properties ?? {} });
    await env.finishAll();
    const [run] = (await env.runs(customerId)).filter((r) => r.journeyId === journeyId);
    if (!run) throw new Error(`no run started for ${customerId} on ${eventType}`);
    const steps = await env.steps(run.id);
    const taken = steps.find((s) => s.nodeId === nodeId && s.port !== null);
    const output = taken?.detail.output;
    return {
      port: taken?.port ?? null,
      output: isRecord(output) ? output : undefined,
      status: run.status,
      exitReason: run.exitReason,
      steps,
      messages: await env.messages(customerId),
      journeyId,
      customerId,
    };
  } finally {
    if (!options.env) await env.close();
  }
}

type PortsOf = (type: string, version: number | undefined, config: unknown) => readonly string[];

function journeyAround(
  node: NodeDefinition,
  options: NodeJourneyOptions,
  nodeId: string,
  eventType: string,
  portsOf: PortsOf,
): JourneyDocumentInput {
  const nodes: JourneyDocumentInput['nodes'] = [
    { id: 'start', type: 'trigger.event', config: { event: eventType } },
    { id: nodeId, type: node.type, version: options.version, config: options.config },
  ];
  const edges: JourneyDocumentInput['edges'] = [{ source: 'start', target: nodeId }];
  for (const port of portsOf(node.type, options.version, options.config)) {
    let from = { id: nodeId, ports: [port] };
    (options.then?.[port] ?? []).forEach((step, i) => {
      const id = step.id ?? `${port}_${i + 1}`;
      nodes.push({ id, type: step.type, version: step.version, config: step.config ?? {} });
      for (const p of from.ports) edges.push({ source: from.id, sourcePort: p, target: id });
      from = { id, ports: [...portsOf(step.type, step.version, step.config ?? {})] };
    });
    const exit = `exit_${port}`;
    nodes.push({ id: exit, type: 'flow.exit', config: {} });
    for (const p of from.ports) edges.push({ source: from.id, sourcePort: p, target: exit });
  }
  return { name: `${node.type} under test`, nodes, edges };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
