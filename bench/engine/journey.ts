// The engine bench's journey: trigger → 10 `message.send` nodes in a row → exit. Pure and
// deterministic: the bench compiles it into an IR for Yatra's interpreter, and the hand-written
// workflow (./workflows.ts) hard-codes the same nodes and activity options from here, as an
// engineer writing that journey by hand would.
import type { JourneyDocumentInput } from '@yatra/nodes';

export const TRIGGER_NODE_ID = 'entered';
export const TRIGGER_EVENT = 'order.placed';
export const EXIT_NODE_ID = 'done';
export const EXIT_REASON = 'completed';
export const WINDOW_DAYS = 45;

/** A `message.send` config with every default spelled out, in the schema's key order. */
export interface SendConfig {
  channel: 'whatsapp' | 'email' | 'sms' | 'push';
  templateId: string;
  category: 'utility' | 'marketing' | 'authentication';
  variables: Record<string, string>;
}

export interface SendNode {
  id: string;
  config: SendConfig;
}

export const SEND_NODE_TYPE = 'message.send';
export const SEND_NODE_VERSION = 1;

/** The ten sends, in journey order. */
export const SEND_NODES: readonly SendNode[] = Array.from({ length: 10 }, (_, i) => ({
  id: `send_${String(i + 1).padStart(2, '0')}`,
  config: {
    channel: 'whatsapp',
    templateId: `bench_step_${i + 1}`,
    category: 'utility',
    variables: { name: '{{customer.name}}', order: '{{order.id}}' },
  },
}));

/**
 * Activity options, as the interpreter derives them: action nodes from the node type's
 * declaration (`message.send`: retry.maximumAttempts 10, initialIntervalMs 1000, no timeoutMs →
 * 60 s), bookkeeping (recordSteps, finishRun) fixed. The bench checks these against the registry.
 */
export const SEND_ACTIVITY_OPTIONS = {
  startToCloseTimeout: 60_000,
  retry: {
    initialInterval: 1_000,
    maximumAttempts: 10,
    backoffCoefficient: 2,
    maximumInterval: '5 minutes',
  },
} as const;

export const BOOKKEEPING_ACTIVITY_OPTIONS = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;

/** The journey document the canvas would save for it. */
export function benchJourneyDocument(): JourneyDocumentInput {
  const nodes: JourneyDocumentInput['nodes'] = [
    { id: TRIGGER_NODE_ID, type: 'trigger.event', config: { event: TRIGGER_EVENT, filters: [] } },
    ...SEND_NODES.map((node) => ({
      id: node.id,
      type: SEND_NODE_TYPE,
      version: SEND_NODE_VERSION,
      config: node.config,
    })),
    { id: EXIT_NODE_ID, type: 'flow.exit', config: { reason: EXIT_REASON } },
  ];
  const chain = [TRIGGER_NODE_ID, ...SEND_NODES.map((node) => node.id), EXIT_NODE_ID];
  const edges = chain
    .slice(1)
    .map((target, i) => ({ source: chain[i] ?? TRIGGER_NODE_ID, sourcePort: 'next', target }));
  return {
    name: 'Engine bench: 10 sends in a row',
    window: { days: WINDOW_DAYS },
    reentry: { policy: 'always' },
    nodes,
    edges,
  };
}
