// Plain data the editor works with. The journey document (nodes/) is what is saved; the React
// Flow graph is derived from it by `flow-mapping.ts`. Only types come from @yatra/nodes here.
import type {
  CompileError,
  JourneyDocument,
  JourneyEdge,
  JourneyFacts,
  JourneyNode,
  NodeDescriptor,
} from '@yatra/nodes';
import type { CostEstimate } from '@yatra/nodes/journey/cost';

export type { CompileError, JourneyDocument, JourneyEdge, JourneyFacts, JourneyNode };

/** A node type as the editor knows it: the server's descriptor plus whether it can hold a customer. */
export interface EditorNodeType extends NodeDescriptor {
  /** True when the node can make a customer wait (a loop through it is not an instant spin). */
  waits: boolean;
}

export type XY = { x: number; y: number };

/** What `POST /api/journeys/validate` answers (ports: the output ports of each node's config). */
export interface ValidationReport {
  ok: boolean;
  errors: CompileError[];
  facts: JourneyFacts | null;
  triggerEvent: string | null;
  ports: Record<string, string[]>;
  /** Template registry findings that do not block publishing. */
  warnings?: CompileError[];
  /** Messaging cost per customer (null while the draft does not compile). */
  cost?: CostEstimate | null;
}

/** A published version as the editor lists it. */
export interface VersionSummary {
  id: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  triggerEvent: string;
  live: boolean;
}
