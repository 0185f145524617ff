// @acme/yatra-nodes: a brand's own node types, registered in Yatra by one line each in
// yatra.config.ts. Built only on the public API of @yatra/nodes.
export { default as shopifyDiscount } from './shopify-discount.node.ts';
export { default as shopifyDiscountV1 } from './shopify-discount-v1.node.ts';
export { default as webhook } from './webhook.node.ts';
export { hmacSha256Hex, signatureHeader } from './sign';
