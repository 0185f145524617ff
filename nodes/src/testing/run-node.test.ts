import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode, type NodeContext } from '../contract/define-node';
import { nonRetryable } from '../contract/node-errors';
import { runNode } from './run-node';

/** A node whose run follows a script per attempt and records every ctx it saw. */
function scripted(
  script: (ctx: NodeContext) => Promise<{ port: 'next' | 'failed' }>,
  policy: { maximumAttempts?: number; failurePort?: 'failed'; timeoutMs?: number } = {},
) {
  const seen: Array<{ attempt: number; key: string }> = [];
  const node = defineNode({
    type: 'test.scripted',
    version: 1,
    title: 'Scripted',
    category: 'custom',
    icon: '🧪',
    description: 'test',
    kind: 'action',
    ports: ['next', 'failed'],
    config: z.object({ templateId: z.string().min(1), times: z.number().int().default(1) }),
    example: { templateId: 'hello' },
    retry: policy.maximumAttempts ? { maximumAttempts: policy.maximumAttempts } : undefined,
    failurePort: policy.failurePort,
    timeoutMs: policy.timeoutMs,
    async run(ctx, config) {
      seen.push({ attempt: ctx.attempt, key: ctx.idempotencyKey });
      for (let i = 0; i < config.times; i++)
        await ctx.channels.send({
          channel: 'whatsapp',
          templateId: config.templateId,
          category: 'utility',
          variables: { name: ctx.render('{{customer.name}}') },
        });
      return script(ctx);
    },
  });
  return { node, seen };
}

describe('runNode', () => {
  it('retries with the same idempotency key and a growing attempt, as the worker does', async () => {
    const { node, seen } = scripted(
      async (ctx) => {
        if (ctx.attempt < 3) throw new Error(`flaky ${ctx.attempt}`);
        return { port: 'next' };
      },
      { maximumAttempts: 5 },
    );
    const result = await runNode(node, { templateId: 'hello' });

    expect(result).toMatchObject({ port: 'next', attempts: 3, failed: false });
    expect(result.failures.map((e) => e.message)).toEqual(['flaky 1', 'flaky 2']);
    expect(seen).toEqual([1, 2, 3].map((attempt) => ({ attempt, key: 'run-1:node-1:1' })));
    // The fake outbox is idempotent per step key and channel: three attempts, one message.
    expect(result.record.sent).toEqual([
      expect.objectContaining({ templateId: 'hello', variables: { name: 'Asha' }, attempt: 1 }),
    ]);
  });

  it('stops at a non-retryable error and takes the failure port with the error', async () => {
    const { node, seen } = scripted(
      async () => {
        throw nonRetryable('bad token');
      },
      { maximumAttempts: 5, failurePort: 'failed' },
    );
    const result = await runNode(node, { templateId: 'hello' });
    expect(result).toMatchObject({ port: 'failed', output: { error: 'bad token' }, failed: true });
    expect(seen).toHaveLength(1);
  });

  it('throws the last error once attempts are spent when there is no failure port', async () => {
    const { node, seen } = scripted(async () => {
      throw new Error('down');
    });
    await expect(runNode(node, { templateId: 'hello' }, { attempts: 2 })).rejects.toThrow('down');
    expect(seen.map((s) => s.attempt)).toEqual([1, 2]);
  });

  it('caps a node without maximumAttempts (retried for ever by the worker) at 3 tries', async () => {
    const { node, seen } = scripted(async () => {
      throw new Error('down');
    });
    await expect(runNode(node, { templateId: 'hello' })).rejects.toThrow('down');
    expect(seen).toHaveLength(3);
  });

  it('counts an attempt that outlives the node timeout as failed', async () => {
    const { node } = scripted(
      (ctx) =>
        ctx.attempt === 1 ? new Promise(() => undefined) : Promise.resolve({ port: 'next' }),
      { maximumAttempts: 2, timeoutMs: 50 },
    );
    const result = await runNode(node, { templateId: 'hello' });
    expect(result).toMatchObject({ port: 'next', attempts: 2 });
    expect(result.failures[0]?.message).toBe('attempt timed out after 50 ms');
  });

  it('parses the config with the node schema first (defaults applied, errors with paths)', async () => {
    const { node } = scripted(async () => ({ port: 'next' }));
    const ok = await runNode(node, { templateId: 'hello', times: 2 }, { attempts: 1 });
    expect(ok.record.sent).toHaveLength(1); // same step key and channel: the second send dedupes
    await expect(runNode(node, { templateId: '' })).rejects.toThrow(
      'Config of test.scripted is invalid: templateId: Too small: expected string to have >=1 characters',
    );
  });

  it('gives the node the customer, facts and services the test sets', async () => {
    const { node } = scripted(async (ctx) => {
      ctx.logger.info(ctx.render('{{outputs.earlier.code}} for {{customer.name}}'));
      return { port: 'next' };
    });
    const result = await runNode(
      node,
      { templateId: 'hello' },
      { ctx: { customer: { name: 'Ravi' }, facts: { outputs: { earlier: { code: 'X1' } } } } },
    );
    expect(result.record.logs).toEqual([
      { level: 'info', message: 'X1 for Ravi', meta: undefined, attempt: 1 },
    ]);
  });
});
