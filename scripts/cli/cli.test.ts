import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, postPurchase45, simulate, type SimulationResult } from '@yatra/nodes';
import { runCli } from './run-cli';

const JOURNEY = 'examples/journeys/post-purchase-45.json';
const PREPAID = 'examples/customers/prepaid-customer.json';
const COD = 'examples/customers/cod-customer.json';
const events = (name: string) => `examples/events/${name}.json`;

const tmp = mkdtempSync(path.join(os.tmpdir(), 'yatra-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
function tmpFile(name: string, content: unknown): string {
  const file = path.join(tmp, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

async function simulateJson(customer: string, eventsFile: string): Promise<SimulationResult> {
  const run = await runCli([
    'simulate',
    JOURNEY,
    '--customer',
    customer,
    '--events',
    eventsFile,
    '--json',
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as SimulationResult; // stdout holds the JSON and nothing else
}
const sends = (r: SimulationResult) => r.messages.map((m) => [m.templateId, m.day]);

// Every test starts the CLI as a subprocess (about a second each on an idle machine).
const suite = { concurrent: true, timeout: 60_000 } as const;

describe('yatra CLI: usage', suite, () => {
  it('prints usage for help and for no command', async () => {
    for (const args of [['help'], []]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: npm run yatra -- <command>');
      expect(run.stdout).toMatch(/simulate <journey\.json> --customer/);
    }
  });

  it('rejects an unknown command with exit 2', async () => {
    const run = await runCli(['simulat', JOURNEY]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command "simulat"');
  });

  it('rejects an unknown option and a missing file with exit 2', async () => {
    const option = await runCli(['validate', JOURNEY, '--jsn']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("'--jsn'");
    const missing = await runCli(['validate', 'examples/journeys/nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('journey file not found: examples/journeys/nope.json');
    const noArg = await runCli(['simulate', JOURNEY, '--events', events('cod-delivered')]);
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toContain('--customer <file> is required');
  });
});

describe('yatra CLI: validate', suite, () => {
  it('accepts the demo journey and prints its facts', async () => {
    const run = await runCli(['validate', JOURNEY]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(
      '✓ 45-day post-purchase playbook compiles: 17 nodes, at most 6 messages per customer, longest path 15',
    );
  });

  it('--json prints { ok, errors, facts }', async () => {
    const run = await runCli(['validate', JOURNEY, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      errors: [],
      facts: expect.objectContaining({
        nodeCount: 17,
        maxMessagesPerCustomer: 6,
        maxPathLength: 15,
      }),
    });
  });

  const broken = {
    ...postPurchase45,
    nodes: postPurchase45.nodes.map((n) =>
      n.id === 'wait_csat'
        ? { ...n, config: { mode: 'duration', duration: { amount: 60, unit: 'days' } } }
        : n,
    ),
    edges: (postPurchase45.edges ?? []).filter(
      (e) => !(e.source === 'await_delivery' && e.sourcePort === 'timeout'),
    ),
  };

  it('reports a broken journey per node and exits 1', async () => {
    const run = await runCli(['validate', tmpFile('broken.json', broken)]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')).toEqual([
      '✗ 45-day post-purchase playbook does not compile (4 errors):',
      '  wait_csat: Waits up to 60.0 days, longer than the journey window of 45 days.',
      '  await_delivery: Port "timeout" is not connected: connect it, or to an Exit.',
      '  delivery_check: No path from the trigger reaches this node.',
      '  not_delivered: No path from the trigger reaches this node.',
      '',
    ]);
  });

  it('--json lists the errors with their node ids', async () => {
    const run = await runCli(['validate', tmpFile('broken.json', broken), '--json']);
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as {
      ok: boolean;
      errors: { nodeId?: string; code: string }[];
      facts: unknown;
    };
    expect(body.ok).toBe(false);
    expect(body.facts).toBeNull();
    expect(body.errors.map((e) => [e.nodeId, e.code])).toEqual([
      ['wait_csat', 'wait_exceeds_window'],
      ['await_delivery', 'port_unwired'],
      ['delivery_check', 'unreachable'],
      ['not_delivered', 'unreachable'],
    ]);
  });

  it('reports malformed JSON as an invalid journey', async () => {
    const run = await runCli(['validate', tmpFile('bad.json', '{ "name": "x", ')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.json: not valid JSON/);
  });
});

describe('yatra CLI: simulate the four demo cases', suite, () => {
  it('(a) prepaid, delivered on day 3, no second order: window_end on day 45', async () => {
    const r = await simulateJson(PREPAID, events('prepaid-delivered'));
    expect(r.exit).toMatchObject({ reason: 'window_end', day: 45 });
    expect(r.messages.map((m) => m.templateId)).toEqual([
      'order_confirmation',
      'how_to_use',
      'csat_request',
      'cross_sell_nudge',
      'loyalty_invite',
    ]);
    expect(sends(r).slice(0, 3)).toEqual([
      ['order_confirmation', 0],
      ['how_to_use', 3],
      ['csat_request', 5],
    ]);
    expect(r.messages[0]?.variables).toEqual({ name: 'Asha Verma', orderId: 'ORD-1001' });
  });

  it('(b) cash on delivery, delivered on day 3: also the COD reassurance, then window_end', async () => {
    const r = await simulateJson(COD, events('cod-delivered'));
    expect(r.exit.reason).toBe('window_end');
    expect(r.messages.map((m) => m.templateId)).toEqual([
      'order_confirmation',
      'cod_reassurance',
      'how_to_use',
      'csat_request',
      'cross_sell_nudge',
      'loyalty_invite',
    ]);
    expect(sends(r).slice(0, 2)).toEqual([
      ['order_confirmation', 0],
      ['cod_reassurance', 0],
    ]);
  });

  it('(c) delivered on day 3, second order on day 12: exits with goal on day 12', async () => {
    const r = await simulateJson(PREPAID, events('second-order-day-12'));
    expect(r.exit).toMatchObject({ reason: 'goal', nodeId: 'day14', day: 12 });
    expect(sends(r)).toEqual([
      ['order_confirmation', 0],
      ['how_to_use', 3],
      ['csat_request', 5],
    ]);
  });

  it('(d) never delivered: order_confirmation, then delivery_delay on day 7, exit not_delivered', async () => {
    const r = await simulateJson(PREPAID, events('never-delivered'));
    expect(r.exit).toMatchObject({ reason: 'not_delivered', nodeId: 'not_delivered', day: 7 });
    expect(sends(r)).toEqual([
      ['order_confirmation', 0],
      ['delivery_delay', 7],
    ]);
    expect(r.path).toEqual([
      'first_order',
      'confirm',
      'is_cod',
      'await_delivery',
      'delivery_check',
      'not_delivered',
    ]);
  });

  it('--json is exactly what simulate() returns for the same inputs', async () => {
    const compiled = compile(postPurchase45);
    if (!compiled.ok) throw new Error('demo does not compile');
    const expected = await simulate(compiled.ir, {
      customer: {
        id: 'cust_ravi',
        name: 'Ravi Kumar',
        phone: '+919800000002',
        language: 'hi',
        timeZone: 'Asia/Kolkata',
        attributes: { city: 'Lucknow', acquisition: 'google' },
      },
      entryEvent: {
        type: 'order.placed',
        properties: {
          orderId: 'ORD-2001',
          total: 84900,
          paymentMethod: 'cod',
          items: [
            { sku: 'FACEWASH-100', qty: 2 },
            { sku: 'SUNSCREEN-50', qty: 1 },
          ],
        },
      },
      events: [
        { type: 'order.shipped', day: 1, properties: { orderId: 'ORD-2001' } },
        { type: 'order.delivered', day: 3, properties: { orderId: 'ORD-2001' } },
      ],
      startAt: '2026-01-05T14:15:00.000Z',
    });
    expect(await simulateJson(COD, events('cod-delivered'))).toEqual(expected);
  });

  it('--start moves the entry time', async () => {
    const run = await runCli([
      'simulate',
      JOURNEY,
      '--customer',
      PREPAID,
      '--events',
      events('never-delivered'),
      '--start',
      '2026-03-01T09:00:00+05:30',
      '--json',
    ]);
    const r = JSON.parse(run.stdout) as SimulationResult;
    expect(r.messages.map((m) => m.at)).toEqual([
      '2026-03-01T03:30:00.000Z',
      '2026-03-08T03:30:00.000Z',
    ]);
  });

  it('prints a step table for people', async () => {
    const run = await runCli([
      'simulate',
      JOURNEY,
      '--customer',
      PREPAID,
      '--events',
      events('never-delivered'),
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('day'))).toMatch(
      /^day\s+local time \(Asia\/Kolkata\)\s+node\s+type\s+outcome\s+messages$/,
    );
    expect(run.stdout).toMatch(
      /d 0\.00\s+Mon 2026-01-05 11:30\s+confirm\s+message\.send\s+→ next\s+whatsapp order_confirmation \{name="Asha Verma", orderId="ORD-1003"\}/,
    );
    expect(run.stdout).toMatch(
      /d 0\.00\s+Mon 2026-01-05 11:30\s+await_delivery\s+flow\.wait_for_event\s+waiting for order\.delivered, at most until d 7\.00 \(Mon 2026-01-12 11:30\)/,
    );
    expect(run.stdout).toMatch(
      /d 7\.00\s+Mon 2026-01-12 11:30\s+delivery_check\s+message\.send\s+→ next\s+whatsapp delivery_delay/,
    );
    expect(run.stdout).toMatch(
      /d 7\.00\s+Mon 2026-01-12 11:30\s+not_delivered\s+flow\.exit\s+exit: not_delivered/,
    );
    expect(run.stdout).toContain(
      'exit: not_delivered on d 7.00 (Mon 2026-01-12 11:30) at node not_delivered',
    );
  });

  it('explains a goal exit in the table', async () => {
    const run = await runCli([
      'simulate',
      JOURNEY,
      '--customer',
      PREPAID,
      '--events',
      events('second-order-day-12'),
    ]);
    expect(run.stdout).toMatch(
      /d 12\.00\s+Sat 2026-01-17 11:30\s+day14\s+flow\.wait\s+exit: goal \(second_order, on order\.placed\)/,
    );
  });
});

describe('yatra CLI: simulate input errors', suite, () => {
  it('names the file and the path of every problem in a bad customer file', async () => {
    const customer = tmpFile('customer.json', {
      name: 'Asha',
      phone: '98000',
      timeZone: 'Asia/Kolkatta',
      timezone: 'x',
    });
    const run = await runCli([
      'simulate',
      JOURNEY,
      '--customer',
      customer,
      '--events',
      events('never-delivered'),
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const shown = `${path.basename(tmp)}/customer.json`;
    expect(run.stderr).toContain('invalid customer file (4 problems):');
    expect(run.stderr).toContain(`${shown}: id: a customer id (string) is required`);
    expect(run.stderr).toContain(`${shown}: phone: phone must be E.164, e.g. +919812345678`);
    expect(run.stderr).toContain(
      `${shown}: timeZone: unknown time zone "Asia/Kolkatta"; use an IANA name like Asia/Kolkata`,
    );
    expect(run.stderr).toContain(`${shown}: (root): Unrecognized key: "timezone"`);
  });

  it('checks events like the API does: entry first, integer paise, day or at', async () => {
    const file = tmpFile('events.json', [
      { type: 'order.placed', properties: { orderId: 'o1', total: 1299.5, paymentMethod: 'upi' } },
      {
        type: 'order.delivered',
        day: 3,
        at: '2026-01-04T10:00:00+05:30',
        properties: { orderId: 'o1' },
      },
      { type: 'order.delivered', day: -1, properties: {} },
    ]);
    const run = await runCli(['simulate', JOURNEY, '--customer', PREPAID, '--events', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[0].properties.total: total is integer paise (₹1 = 100)');
    expect(run.stderr).toMatch(/\[0\]\.properties\.paymentMethod: /);
    expect(run.stderr).toContain('[1]: give either day or at, not both');
    expect(run.stderr).toContain('[2].day: day counts from entry and cannot be negative');
  });

  it('rejects an empty events list', async () => {
    const run = await runCli([
      'simulate',
      JOURNEY,
      '--customer',
      PREPAID,
      '--events',
      tmpFile('empty.json', []),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(root): expected a list whose first element is the entry event');
  });
});
