// Errors a node's `run` throws on purpose, and the ones Yatra throws at a node's author. Each
// author error names the node type (and the file that defined it, when known) and what to change.

/**
 * Marks an error that retrying cannot fix (a 4xx, a missing secret, bad data): the worker stops
 * retrying at once, and the step takes the node's `failurePort` if it declares one. Any other
 * error thrown by `run` is retried up to `retry.maximumAttempts`.
 * @example
 * if (res.status === 404) throw nonRetryable(`no shop at ${config.shopUrl} (404)`);
 */
export function nonRetryable(message: string, options?: { cause?: unknown }): Error {
  return Object.assign(new Error(message, options), { nonRetryable: true as const });
}

/**
 * True for an error made by `nonRetryable` (or any error with `nonRetryable: true`).
 * @example if (isNonRetryable(error)) throw ApplicationFailure.nonRetryable(error.message);
 */
export function isNonRetryable(error: unknown): error is Error & { nonRetryable: true } {
  return error instanceof Error && Reflect.get(error, 'nonRetryable') === true;
}

/**
 * A mistake in a node type's declaration or behaviour, reported to its author: duplicate ids,
 * an undeclared port, a custom control node. Never retried. `authorError` writes the message.
 * @example
 * throw authorError('acme.webhook', 'returned port "ok", which it does not declare', file);
 */
export class NodeAuthorError extends Error {
  override readonly name = 'NodeAuthorError';
  readonly nonRetryable = true;
  constructor(
    readonly nodeType: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `Node type "<type>" (<file>) <problem>`: the form every author error takes.
 * @example authorError('acme.webhook', 'has version 0: use a whole number from 1.', 'x.node.ts')
 */
export function authorError(nodeType: string, problem: string, file?: string): NodeAuthorError {
  return new NodeAuthorError(
    nodeType,
    `Node type "${nodeType}"${file ? ` (${file})` : ''} ${problem}`,
  );
}
