// This installation's custom node types: one line per node, on top of the built-ins. The worker
// (worker/src/node-registry.ts) and the web app (web/lib/node-registry.ts) both import this file
// statically, so the canvas, the compiler, the simulator and the worker see the same nodes.
// See docs/authoring-nodes.md.
import { defineConfig } from '@yatra/nodes';
import { shopifyDiscount, shopifyDiscountV1, webhook } from '@acme/yatra-nodes';

export default defineConfig({
  nodes: [
    shopifyDiscount,
    // v1 stays while journeys published on it still run (docs/authoring-nodes.md, versioning).
    shopifyDiscountV1,
    webhook,
    // `npm run new-node -- <category>/<name>` adds its line below this one.
  ],
});
