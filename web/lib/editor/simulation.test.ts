import { describe, expect, it } from 'vitest';
import { mergeLiveCounts, portKey } from './live-counts';
import { highlightOf, type SimulationView } from './simulation';
import { buildSimulateBody, issuesBySection, type SimulationForm } from './simulation-form';
import { CUSTOMER_PRESETS, entryProperties, scriptedProperties } from './simulation-presets';
import { demoDocument } from './test-fixtures';

const cod = CUSTOMER_PRESETS[0]!;

function form(edit: Partial<SimulationForm> = {}): SimulationForm {
  return {
    customerText: JSON.stringify(cod.customer),
    entryType: 'order.placed',
    entryPropertiesText: JSON.stringify(entryProperties('order.placed', 'cod')),
    enterAt: '2026-01-05T19:45',
    events: [
      {
        key: 1,
        day: 3,
        type: 'order.delivered',
        propertiesText: JSON.stringify(
          scriptedProperties('order.delivered', { orderId: 'ORD-1001' }),
        ),
      },
    ],
    ...edit,
  };
}

describe('simulation form', () => {
  it('builds the request body the route accepts', () => {
    const built = buildSimulateBody(form());
    expect(built).toMatchObject({
      ok: true,
      body: {
        customer: { id: 'sim_ravi', language: 'hi', timeZone: 'Asia/Kolkata' },
        entryEvent: { type: 'order.placed', properties: { paymentMethod: 'cod', total: 84900 } },
        events: [{ day: 3, type: 'order.delivered', properties: { orderId: 'ORD-1001' } }],
      },
    });
  });

  it('names JSON mistakes and schema problems in the box they belong to', () => {
    const syntax = buildSimulateBody(form({ customerText: '{ "id": ' }));
    expect(syntax.ok).toBe(false);
    if (syntax.ok) return;
    expect(issuesBySection(syntax.issues).get('customer')?.[0]).toMatch(/^not valid JSON/);

    const schema = buildSimulateBody(
      form({
        customerText: '{ "id": "c1", "timeZone": "Mumbai" }',
        events: [{ key: 1, day: undefined, type: 'order.delivered', propertiesText: '{}' }],
      }),
    );
    expect(schema.ok).toBe(false);
    if (schema.ok) return;
    const sections = issuesBySection(schema.issues);
    expect(sections.get('customer')).toEqual([
      expect.stringMatching(/^timeZone: unknown time zone "Mumbai"/),
    ]);
    expect(sections.get('events.0')).toEqual(['day: day (days after entry) is a number']);
  });

  it('checks a loyalty seed in the customer before the run, naming the field', () => {
    const built = buildSimulateBody(
      form({
        customerText: JSON.stringify({
          id: 'c1',
          attributes: {
            loyalty: { balance: 100, tier: 'Diamond', expiring: { points: 300, inDays: 5 } },
          },
        }),
      }),
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(issuesBySection(built.issues).get('customer')).toEqual([
      'attributes.loyalty.expiring.points: expiring points are part of the balance: at most 100',
      expect.stringMatching(
        /^attributes\.loyalty\.tier: unknown tier Diamond; the programme has Bronze/,
      ),
    ]);
  });

  it('applies the event rules of POST /api/events to the entry properties', () => {
    const built = buildSimulateBody(
      form({ entryPropertiesText: '{ "orderId": "o1", "total": 9.5, "paymentMethod": "cod" }' }),
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(issuesBySection(built.issues).get('entry')).toEqual([
      'properties.total: total is integer paise (₹1 = 100)',
    ]);
  });
});

describe('simulation highlight', () => {
  it('lights the visited nodes and the edges of the ports taken', () => {
    const doc = demoDocument();
    const view: SimulationView = {
      timeZone: 'Asia/Kolkata',
      startAt: '2026-01-05T04:30:00.000Z',
      rows: [],
      exit: { reason: 'completed', nodeId: null, day: 0, time: '10:00', at: '' },
      visitedNodes: ['first_order', 'confirm', 'is_cod', 'cod_reassure'],
      traversed: [
        { source: 'first_order', sourcePort: 'next' },
        { source: 'confirm', sourcePort: 'next' },
        { source: 'is_cod', sourcePort: 'yes' },
      ],
      messageCount: 2,
      warnings: [],
    };
    const lit = highlightOf(view, doc);
    expect([...lit.nodes]).toEqual(view.visitedNodes);
    expect([...lit.edges].sort()).toEqual([
      'confirm.next->is_cod',
      'first_order.next->confirm',
      'is_cod.yes->cod_reassure',
    ]);
  });
});

describe('live counts', () => {
  it('keeps unchanged objects so only moved numbers redraw', () => {
    const answer = {
      nodes: [
        { nodeId: 'a', entered: 2, waitingNow: 1, exited: 0 },
        { nodeId: 'b', entered: 1, waitingNow: 0, exited: 1 },
      ],
      edges: [{ source: 'a', sourcePort: 'next', runs: 1 }],
    };
    const first = mergeLiveCounts(null, answer);
    expect(first.edges.get(portKey('a', 'next'))).toBe(1);
    expect(mergeLiveCounts(first, structuredClone(answer))).toBe(first);

    const moved = structuredClone(answer);
    moved.nodes[0]!.entered = 3;
    const second = mergeLiveCounts(first, moved);
    expect(second).not.toBe(first);
    expect(second.nodes.get('a')).toEqual({
      entered: 3,
      waitingNow: 1,
      exited: 0,
      stopped: 0,
      stoppedBy: '',
    });
    expect(second.nodes.get('b')).toBe(first.nodes.get('b'));

    const fewer = mergeLiveCounts(second, { nodes: moved.nodes, edges: [] });
    expect(fewer.edges.size).toBe(0);
  });

  it('counts the runs the send rules stopped at a node, naming the rules, not the deferrals', () => {
    const answer = {
      nodes: [{ nodeId: 'nudge', entered: 6, waitingNow: 1, exited: 0 }],
      edges: [],
      sendDecisions: [
        { nodeId: 'nudge', decision: 'skipped', rule: 'consent', runs: 3 },
        { nodeId: 'nudge', decision: 'skipped', rule: 'frequency_cap', runs: 1 },
        { nodeId: 'nudge', decision: 'failed', rule: 'no_recipient', runs: 1 },
        { nodeId: 'nudge', decision: 'deferred', rule: 'quiet_hours', runs: 4 },
      ],
    };
    const counts = mergeLiveCounts(null, answer).nodes.get('nudge');
    expect(counts).toMatchObject({
      stopped: 5,
      stoppedBy: 'consent 3 · frequency_cap 1 · no_recipient 1',
    });
    const fewer = structuredClone(answer);
    fewer.sendDecisions = fewer.sendDecisions.slice(0, 1);
    expect(mergeLiveCounts(null, fewer).nodes.get('nudge')).toMatchObject({
      stopped: 3,
      stoppedBy: 'consent 3',
    });
  });
});
