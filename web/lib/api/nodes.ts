import { defaultRegistry, describeNode, type NodeDescriptor } from '@yatra/nodes';

/** Display data, config JSON Schema and ports of every registered node type (never `run`). */
export function nodeDescriptors(): NodeDescriptor[] {
  return defaultRegistry.all().map(describeNode);
}
