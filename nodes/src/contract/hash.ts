/**
 * FNV-1a 32-bit: small, fast and identical everywhere (workflow sandbox, browser, Node), which is
 * what deterministic cohort assignment needs. Not for security.
 * @example fnv1a('journey-1:split:cust_42') // a stable unsigned 32-bit integer
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A stable bucket in [0, 100) with two decimals, from a key.
 * @example percentBucket(`${journeyId}:${customerId}`) < 10 // the same 10% of customers, always
 */
export function percentBucket(key: string): number {
  return (fnv1a(key) % 10_000) / 100;
}
