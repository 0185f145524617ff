// Public API of @yatra/nodes: pure TypeScript shared by web, workflows and worker.
export * from './contract/define-node';
export * from './contract/config';
export * from './contract/http';
export * from './contract/node-errors';
export { NODE_TYPE_ID } from './contract/node-checks';
export * from './contract/loyalty-service';
export * from './contract/predicates';
export * from './contract/durations';
export * from './contract/facts';
export * from './contract/hash';
export * from './contract/time-zones';
export * from './contract/render-template';
export * from './contract/event-input';
export * from './journey/document';
export * from './journey/ir';
export * from './journey/compile';
export * from './engine/state';
export * from './engine/step';
export * from './engine/run-journey';
export * from './engine/node-context';
export * from './engine/simulate';
export * from './registry';
export * from './versioning/migrate-document';
export * from './descriptors';
export * from './loyalty/program-config';
export * from './sending';
export { postPurchase45 } from './demo/post-purchase-45';
export { loyaltyDemoJourneys } from './demo/loyalty-demos';
// The zod that node schemas are written with: a custom node package importing it from here
// shares the registry's instance (JSON Schema for forms, parse at compile and run time).
export { z } from 'zod';
