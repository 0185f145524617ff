import { z } from 'zod';
import { DAY_MS } from '../contract/durations';
import { predicateSchema, readPath, type Predicate } from '../contract/predicates';
import { defaultRegistry, type NodeRegistry } from '../registry';
import { journeyDocumentSchema, type JourneyDocument } from './document';
import { computeFacts, findInstantLoops } from './graph-analysis';
import { DEFAULT_ACTIVITY, type CompileError, type CompileResult, type CompiledNode } from './ir';

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

/**
 * Compiles a journey document into the interpreter's IR, or explains per node what is wrong.
 * Checks: document shape, known node types, configs against their schemas, exactly one trigger,
 * edges between real nodes and ports, every port wired once, reachability, loops that never
 * wait, and waits that outlast the journey window.
 * @example
 * const result = compile(doc);
 * if (!result.ok) for (const e of result.errors) console.log(e.nodeId, e.message);
 */
export function compile(input: unknown, registry: NodeRegistry = defaultRegistry): CompileResult {
  const parsed = journeyDocumentSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        code: 'document_invalid',
        message: `${issuePath(issue) || 'document'}: ${issue.message}`,
        path: issuePath(issue),
        nodeId: nodeIdAt(input, issue.path),
      })),
    };
  }
  return compileDocument(parsed.data, registry);
}

// Every entry node (a trigger) declares which event starts a run; the dispatcher reads these.
const entryConfigSchema = z.object({ event: z.string(), filters: z.array(predicateSchema) });

function nodeIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  const id = readPath(input, `nodes.${path[1]}.id`);
  return typeof id === 'string' ? id : undefined;
}

function compileDocument(doc: JourneyDocument, registry: NodeRegistry): CompileResult {
  const errors: CompileError[] = [];
  const nodes: Record<string, CompiledNode> = {};
  const ports = new Map<string, readonly string[]>();
  const takesTime = new Set<string>();
  // Nodes with an unknown type or a bad config stay in the graph as placeholders, so one mistake
  // is reported once, not again as "unwired" or "unreachable" on every node after it.
  const placeholders = new Set<string>();
  const placeholder = (node: JourneyDocument['nodes'][number], knownPorts: readonly string[]) => {
    nodes[node.id] = {
      id: node.id,
      type: node.type,
      typeVersion: node.version ?? 0,
      kind: 'control',
      config: node.config,
      next: {},
    };
    ports.set(node.id, knownPorts);
    placeholders.add(node.id);
    takesTime.add(node.id);
  };
  const windowMs = doc.window.days * DAY_MS;
  let triggerId: string | undefined;
  let triggerConfig: { event: string; filters: Predicate[] } | undefined;

  for (const node of doc.nodes) {
    if (nodes[node.id]) {
      errors.push({
        code: 'document_invalid',
        nodeId: node.id,
        message: `Two nodes share the id "${node.id}".`,
      });
      continue;
    }
    const def = registry.get(node.type, node.version);
    if (!def) {
      errors.push({
        code: 'unknown_type',
        nodeId: node.id,
        message: `Unknown node type "${node.type}"${node.version ? ` v${node.version}` : ''}.`,
      });
      placeholder(node, []);
      continue;
    }
    const config = def.config.safeParse(node.config);
    if (!config.success) {
      for (const issue of config.error.issues) {
        const path = issuePath(issue);
        errors.push({
          code: 'config_invalid',
          nodeId: node.id,
          path,
          message: `${def.title}: ${path ? `${path}: ` : ''}${issue.message}`,
        });
      }
      placeholder(node, def.portsFor(node.config));
      continue;
    }
    nodes[node.id] = {
      id: node.id,
      type: def.type,
      typeVersion: def.version,
      kind: def.kind,
      label: node.label,
      config: config.data,
      next: {},
      ...(def.kind === 'action'
        ? {
            activity: {
              startToCloseTimeoutMs: def.timeoutMs ?? DEFAULT_ACTIVITY.startToCloseTimeoutMs,
              retry: {
                initialIntervalMs:
                  def.retry?.initialIntervalMs ?? DEFAULT_ACTIVITY.retry.initialIntervalMs,
                ...(def.retry?.maximumAttempts
                  ? { maximumAttempts: def.retry.maximumAttempts }
                  : {}),
              },
              ...(def.heartbeatTimeoutMs ? { heartbeatTimeoutMs: def.heartbeatTimeoutMs } : {}),
              ...(def.failurePort ? { failurePort: def.failurePort } : {}),
            },
          }
        : {}),
    };
    ports.set(node.id, def.portsFor(config.data));
    if ((def.minDelayMs?.(config.data) ?? 0) > 0) takesTime.add(node.id);
    if (def.maxDelayMs) {
      const delay = def.maxDelayMs(config.data);
      if (delay > windowMs) {
        errors.push({
          code: 'wait_exceeds_window',
          nodeId: node.id,
          message: `Waits up to ${(delay / DAY_MS).toFixed(1)} days, longer than the journey window of ${doc.window.days} days.`,
        });
      }
    }
    if (def.role === 'entry') {
      if (triggerId) {
        errors.push({
          code: 'multiple_triggers',
          nodeId: node.id,
          message: `A journey has one trigger; "${triggerId}" is already one.`,
        });
      } else {
        triggerId = node.id;
        const entry = entryConfigSchema.safeParse(config.data);
        if (entry.success) triggerConfig = entry.data;
        else
          errors.push({
            code: 'config_invalid',
            nodeId: node.id,
            message: 'An entry node needs `event` and `filters` in its config.',
          });
      }
    }
  }
  const knownIds = new Set(doc.nodes.map((n) => n.id));
  if (!doc.nodes.some((n) => registry.get(n.type, n.version)?.role === 'entry')) {
    errors.push({
      code: 'missing_trigger',
      message: 'Add a trigger: it decides who enters the journey.',
    });
  }

  doc.edges.forEach((edge, edgeIndex) => {
    for (const end of [edge.source, edge.target]) {
      if (knownIds.has(end)) continue;
      const other = end === edge.source ? edge.target : edge.source;
      errors.push({
        code: 'unknown_node',
        edgeIndex,
        nodeId: knownIds.has(other) ? other : undefined,
        message: `Edge ${edgeIndex + 1} points at a missing node "${end}".`,
      });
    }
    const source = nodes[edge.source];
    if (!source || !nodes[edge.target]) return;
    if (edge.target === triggerId) {
      errors.push({
        code: 'trigger_has_input',
        nodeId: edge.target,
        edgeIndex,
        message: 'Nothing can lead into the trigger; customers enter there.',
      });
      return;
    }
    const known = ports.get(source.id) ?? [];
    const unsure = placeholders.has(source.id) && known.length === 0;
    if (!unsure && !known.includes(edge.sourcePort)) {
      const listed = known.join(', ') || 'none';
      errors.push({
        code: 'unknown_port',
        nodeId: source.id,
        edgeIndex,
        message: `No port "${edge.sourcePort}" (ports: ${listed}).`,
      });
      return;
    }
    if (source.next[edge.sourcePort]) {
      errors.push({
        code: 'port_wired_twice',
        nodeId: source.id,
        edgeIndex,
        message: `Port "${edge.sourcePort}" already leads to "${source.next[edge.sourcePort]}"; a port has one next step.`,
      });
      return;
    }
    source.next[edge.sourcePort] = edge.target;
  });

  for (const node of Object.values(nodes)) {
    for (const port of ports.get(node.id) ?? []) {
      if (!node.next[port]) {
        errors.push({
          code: 'port_unwired',
          nodeId: node.id,
          path: port,
          message: `Port "${port}" is not connected: connect it, or to an Exit.`,
        });
      }
    }
  }

  if (triggerId && nodes[triggerId]) {
    const reached = new Set<string>();
    const stack = [triggerId];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (reached.has(id)) continue;
      reached.add(id);
      stack.push(...Object.values(nodes[id]?.next ?? {}));
    }
    for (const id of Object.keys(nodes)) {
      if (!reached.has(id))
        errors.push({
          code: 'unreachable',
          nodeId: id,
          message: 'No path from the trigger reaches this node.',
        });
    }
  }
  for (const loop of findInstantLoops(nodes, (id) => takesTime.has(id))) {
    errors.push({
      code: 'loop_without_wait',
      nodeId: loop[0],
      message: `Loop ${loop.join(' → ')} never waits, so it would spin forever. Add a wait inside it.`,
    });
  }

  if (errors.length > 0 || !triggerId || !triggerConfig) return { ok: false, errors };
  return {
    ok: true,
    errors: [],
    ir: {
      irVersion: 1,
      name: doc.name,
      windowDays: doc.window.days,
      reentry: doc.reentry,
      trigger: { nodeId: triggerId, event: triggerConfig.event, filters: triggerConfig.filters },
      goals: doc.goals,
      nodes,
      facts: computeFacts(
        nodes,
        triggerId,
        (id) => registry.get(nodes[id]?.type ?? '', nodes[id]?.typeVersion)?.category === 'message',
      ),
    },
  };
}
