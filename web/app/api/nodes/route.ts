import { nodeDescriptors } from '../../../lib/api/nodes';
import { json, route } from '../../../lib/api/respond';

export const runtime = 'nodejs';

/** `{ nodes: NodeDescriptor[] }`: display data, config JSON Schema and ports of each node type. */
export const GET = route(async () => json({ nodes: nodeDescriptors() }));
