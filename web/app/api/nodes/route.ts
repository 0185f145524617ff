import { editorNodeTypes } from '../../../lib/api/nodes';
import { json, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';

/**
 * `{ nodes: NodeDescriptor[] }`: display data, config JSON Schema and ports of each node type,
 * plus `waits` (the type can hold a customer, so a loop through it is not an instant spin).
 */
export const GET = route(async () => json({ nodes: editorNodeTypes() }));
