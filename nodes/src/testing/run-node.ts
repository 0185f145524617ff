import type { NodeDefinition, NodeResult } from '../contract/define-node';
import { describeIssues } from '../contract/node-checks';
import { isNonRetryable } from '../contract/node-errors';
import { DEFAULT_ACTIVITY } from '../journey/ir';
import { createFakeContext, type FakeContextOptions, type FakeRecord } from './fake-context';

/** The worker retries a node without `maximumAttempts` forever; a test stops after this many. */
export const UNBOUNDED_ATTEMPTS_IN_TESTS = 3;

export interface RunNodeOptions {
  /** The run, customer and services the node sees (see `FakeContextOptions`). */
  ctx?: FakeContextOptions;
  /** Most attempts; default the node's `retry.maximumAttempts`, else 3. */
  attempts?: number;
  /** Per-attempt time limit; default the node's `timeoutMs` (as the activity's start-to-close). */
  timeoutMs?: number;
}

/** What the step ended with, and how it got there. */
export interface RunNodeResult extends NodeResult {
  /** Attempts made: 1 when the first try succeeded. */
  attempts: number;
  /** The error of every failed attempt, in order. */
  failures: Error[];
  /** True when retries were spent (or an error was non-retryable) and `failurePort` was taken. */
  failed: boolean;
  /** Messages sent, log lines and heartbeats over all attempts. */
  record: FakeRecord;
}

/**
 * Runs an action node's `run` the way the worker does, without Temporal: the config is parsed
 * with the node's schema first (a bad config throws, naming each path), every attempt sees the
 * same `idempotencyKey` and a growing `ctx.attempt`, a thrown error is retried up to the node's
 * `retry.maximumAttempts` (at once: no backoff in tests), an error from `nonRetryable()` stops
 * retrying, a timed-out attempt counts as failed, and when the step fails for good the node's
 * `failurePort` is taken with `{ error }` as output (without one, the last error is thrown).
 * @example
 * const http = fakeHttp(() => ({ status: 201, body: { discount_code: { code: 'THANKS-7Q2' } } }));
 * const result = await runNode(shopifyDiscount, shopifyDiscount.example, { ctx: { http } });
 * expect(result).toMatchObject({ port: 'next', output: { code: 'THANKS-7Q2' }, attempts: 1 });
 */
export async function runNode(
  node: NodeDefinition,
  config: unknown,
  options: RunNodeOptions = {},
): Promise<RunNodeResult> {
  const run = node.run;
  if (!run) throw new Error(`${node.type} is a control node: runNode runs action nodes only.`);
  const parsed = node.config.safeParse(config);
  if (!parsed.success) {
    throw new Error(`Config of ${node.type} is invalid: ${describeIssues(parsed.error)}`);
  }
  const fake = createFakeContext(options.ctx);
  const maxAttempts =
    options.attempts ?? node.retry?.maximumAttempts ?? UNBOUNDED_ATTEMPTS_IN_TESTS;
  const timeoutMs = options.timeoutMs ?? node.timeoutMs ?? DEFAULT_ACTIVITY.startToCloseTimeoutMs;
  const failures: Error[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      const result = await withTimeout(run(fake.contextFor(attempt), parsed.data), timeoutMs);
      return { ...result, attempts: attempt, failures, failed: false, record: fake.record };
    } catch (error) {
      failures.push(error instanceof Error ? error : new Error(String(error)));
      if (isNonRetryable(error)) break;
    }
  }
  const last = failures[failures.length - 1];
  if (!node.failurePort || !last) throw last ?? new Error(`${node.type} made no attempt`);
  return {
    port: node.failurePort,
    output: { error: last.message },
    attempts: failures.length,
    failures,
    failed: true,
    record: fake.record,
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`attempt timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
