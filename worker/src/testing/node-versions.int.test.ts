// Node versioning on the real stack (time-skipping Temporal, PostgreSQL, worker): a journey
// published while its node was v1 keeps running v1 after v2 is registered and the draft is
// migrated and republished; new entrants run v2. Also: a port the node does not declare fails
// the step in the worker at once (no retries), with the author's error.
import {
  compile,
  builtinNodes,
  createRegistry,
  defineNode,
  journeyDocumentSchema,
  migrateDocument,
  z,
  type JourneyDocumentInput,
} from '@yatra/nodes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryWith } from '../node-registry';
import { createJourneyTestEnv, type JourneyTestEnv } from './journey-test-env';
import { runJourneyWithNode } from './run-journey-with-node';

const greet = {
  type: 'test.greet',
  title: 'Greet',
  category: 'custom' as const,
  icon: '👋',
  description: 'Sends a greeting',
  kind: 'action' as const,
  ports: ['next'] as const,
};
const greetV1 = defineNode({
  ...greet,
  version: 1,
  config: z.object({ text: z.string().min(1) }),
  example: { text: 'Hi' },
  async run(ctx, config) {
    await ctx.channels.send({
      channel: 'whatsapp',
      templateId: 'greet_v1',
      category: 'utility',
      variables: { text: config.text },
    });
    return { port: 'next' };
  },
});
const greetV2 = defineNode({
  ...greet,
  version: 2,
  config: z.object({ greeting: z.string().min(1), emoji: z.string().default('🙏') }),
  example: { greeting: 'Hi' },
  migrate: (old) => ({ greeting: z.object({ text: z.string() }).parse(old).text }),
  async run(ctx, config) {
    await ctx.channels.send({
      channel: 'whatsapp',
      templateId: 'greet_v2',
      category: 'utility',
      variables: { text: `${config.greeting} ${config.emoji}` },
    });
    return { port: 'next' };
  },
});

// What the editor saved when only v1 existed: the node pinned to the version it was written for.
const draftOnV1: JourneyDocumentInput = {
  name: 'Greet after a day',
  nodes: [
    { id: 'start', type: 'trigger.event', config: { event: 'greet.me' } },
    {
      id: 'wait',
      type: 'flow.wait',
      config: { mode: 'duration', duration: { amount: 1, unit: 'days' } },
    },
    { id: 'greet', type: 'test.greet', version: 1, config: { text: 'Namaste' } },
    { id: 'end', type: 'flow.exit' },
  ],
  edges: [
    { source: 'start', target: 'wait' },
    { source: 'wait', target: 'greet' },
    { source: 'greet', target: 'end' },
  ],
};
const profile = (name: string) => ({ customer: { name, phone: '+919800000001' } });

describe('node versions on the time-skipping server', () => {
  let env: JourneyTestEnv;
  beforeAll(async () => {
    env = await createJourneyTestEnv({ nodes: [greetV1, greetV2] });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a run that entered on v1 finishes on v1 after the draft is migrated to v2 and republished', async () => {
    // Published as if v2 did not exist yet: the IR is the same as a v1-only registry compiles.
    const v1Only = compile(draftOnV1, createRegistry([...builtinNodes, greetV1]));
    const first = await env.publish(draftOnV1);
    expect(v1Only.ok && first.ir).toEqual(v1Only.ok ? v1Only.ir : null);
    expect(first.ir.nodes.greet?.typeVersion).toBe(1);
    await env.send({ type: 'greet.me', customerId: 'early', properties: profile('Early') });

    // v2 is registered; opening the draft migrates it; the migrated draft is published.
    const opened = migrateDocument(
      journeyDocumentSchema.parse(draftOnV1),
      registryWith([greetV1, greetV2]),
    );
    expect(opened.migrated).toEqual([{ nodeId: 'greet', type: 'test.greet', from: 1, to: 2 }]);
    const second = await env.publish(opened.document, { journeyId: first.journeyId });
    expect(second.ir.nodes.greet).toMatchObject({
      typeVersion: 2,
      config: { greeting: 'Namaste', emoji: '🙏' },
    });
    await env.send({ type: 'greet.me', customerId: 'late', properties: profile('Late') });

    await env.finishAll();
    const sent = async (customerId: string) =>
      (await env.messages(customerId)).map((m) => [m.templateId, m.variables]);
    expect(await sent('early')).toEqual([['greet_v1', { text: 'Namaste' }]]);
    expect(await sent('late')).toEqual([['greet_v2', { text: 'Namaste 🙏' }]]);
    const [early] = await env.runs('early');
    const [late] = await env.runs('late');
    expect([early?.versionId, early?.status]).toEqual([first.versionId, 'completed']);
    expect([late?.versionId, late?.status]).toEqual([second.versionId, 'completed']);
  });

  it('a port run() does not declare fails the run after one attempt, naming the port', async () => {
    let attempts = 0;
    const liar = defineNode({
      ...greet,
      type: 'test.liar',
      version: 1,
      config: z.object({}),
      example: {},
      retry: { maximumAttempts: 5 },
      async run() {
        attempts += 1;
        return { port: 'nxt' as 'next' }; // the typo under test
      },
    });
    const result = await runJourneyWithNode(liar, { config: {} });
    expect(attempts).toBe(1);
    expect(result.status).toBe('failed');
    expect(result.port).toBeNull();
    expect(JSON.stringify(result.steps)).toContain(
      'returned port \\"nxt\\" at node \\"node\\", which it does not declare. Declared ports: next.',
    );
  });
});
