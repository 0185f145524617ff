import { z } from 'zod';
import { predicateSchema } from '../contract/predicates';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, _ or -');

/** A goal: when a matching event arrives the customer exits at once (counted as converted). */
export const goalSchema = z.object({
  id,
  label: z.string().optional(),
  event: z.string().min(1),
  filters: z.array(predicateSchema).default([]),
});
export type Goal = z.infer<typeof goalSchema>;

/**
 * Who may enter again: `once` (never re-enters), `after_exit` (again once the previous run has
 * ended), `always` (every matching event starts a run).
 */
export const reentrySchema = z.object({
  policy: z.enum(['once', 'after_exit', 'always']).default('once'),
});
export type Reentry = z.infer<typeof reentrySchema>;

export const journeyNodeSchema = z.object({
  id,
  type: z.string().min(1),
  /** The node type's version this config was written for (defaults to the newest). */
  version: z.number().int().positive().optional(),
  label: z.string().optional(),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  config: z.unknown().default({}),
});
export type JourneyNode = z.infer<typeof journeyNodeSchema>;

export const journeyEdgeSchema = z.object({
  id: z.string().optional(),
  source: id,
  sourcePort: z.string().min(1).default('next'),
  target: id,
});
export type JourneyEdge = z.infer<typeof journeyEdgeSchema>;

export const stickyNoteSchema = z.object({
  id,
  text: z.string(),
  position: z.object({ x: z.number(), y: z.number() }),
});

/**
 * The journey document: what the canvas saves and `compile()` reads. See README "Journey format".
 * @example
 * { name: 'Welcome', window: { days: 45 }, reentry: { policy: 'once' }, goals: [],
 *   nodes: [{ id: 'start', type: 'trigger.event', config: { event: 'order.placed' } },
 *           { id: 'end', type: 'flow.exit', config: {} }],
 *   edges: [{ source: 'start', sourcePort: 'next', target: 'end' }] }
 */
export const journeyDocumentSchema = z.object({
  $schema: z.string().optional(),
  name: z.string().min(1, 'a journey needs a name'),
  description: z.string().default(''),
  window: z.object({ days: z.number().int().min(1).max(365) }).default({ days: 45 }),
  reentry: reentrySchema.default({ policy: 'once' }),
  goals: z.array(goalSchema).default([]),
  nodes: z.array(journeyNodeSchema),
  edges: z.array(journeyEdgeSchema).default([]),
  notes: z.array(stickyNoteSchema).default([]),
});
export type JourneyDocument = z.infer<typeof journeyDocumentSchema>;
export type JourneyDocumentInput = z.input<typeof journeyDocumentSchema>;

/** JSON Schema of the journey document, for editors and external tools. */
export function journeyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(journeyDocumentSchema, { io: 'input', unrepresentable: 'any' });
}
