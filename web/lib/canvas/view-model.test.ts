import { describe, expect, it } from 'vitest';
import { compile, postPurchase45 } from '@yatra/nodes';
import { summarizeConfig } from './summary';
import { buildCanvasView } from './view-model';

describe('buildCanvasView', () => {
  it('draws the demo with one handle per declared port and labels on branching edges', () => {
    const view = buildCanvasView(postPurchase45, {
      counts: [{ nodeId: 'confirm', entered: 3, waitingNow: 0, exited: 1 }],
    });
    expect(view?.nodes).toHaveLength(postPurchase45.nodes.length);
    const byId = new Map(view?.nodes.map((n) => [n.id, n]));
    expect(byId.get('first_order')).toMatchObject({ isTrigger: true, ports: ['next'], icon: '⚡' });
    expect(byId.get('is_cod')?.ports).toEqual(['yes', 'no']);
    expect(byId.get('cross_sell_split')?.ports).toEqual(['treatment', 'holdout']);
    expect(byId.get('done')).toMatchObject({ isExit: true, ports: [] });
    expect(byId.get('confirm')?.counts).toEqual({ entered: 3, waitingNow: 0, exited: 1 });
    const edge = (source: string, port: string) =>
      view?.edges.find((e) => e.source === source && e.sourcePort === port);
    expect(edge('is_cod', 'yes')?.showLabel).toBe(true);
    expect(edge('confirm', 'next')?.showLabel).toBe(false);
    expect(new Set(view?.edges.map((e) => e.id)).size).toBe(view?.edges.length);
  });

  it('pins compile problems to their nodes', () => {
    const doc = {
      ...postPurchase45,
      edges: postPurchase45.edges?.filter((e) => e.source !== 'csat'),
    };
    const result = compile(doc);
    expect(result.ok).toBe(false);
    const view = buildCanvasView(doc, { errors: result.ok ? [] : result.errors });
    expect(view?.nodes.find((n) => n.id === 'csat')?.problems).toEqual([
      expect.stringContaining('"next" is not connected'),
    ]);
  });

  it('returns null for something that is not a journey document', () => {
    expect(buildCanvasView({ nodes: 'nope' })).toBeNull();
  });
});

describe('summarizeConfig', () => {
  it.each([
    ['trigger.event', { event: 'order.placed', filters: [] }, 'on order.placed'],
    ['flow.wait', { mode: 'duration', duration: { amount: 2, unit: 'days' } }, 'wait 2 days'],
    ['flow.wait', { mode: 'duration', duration: { amount: 1, unit: 'hours' } }, 'wait 1 hour'],
    ['flow.wait', { mode: 'until', daysAfterEntry: 14, at: '10:00' }, 'until day 14 at 10:00'],
    [
      'flow.condition',
      { match: 'all', rules: [{ field: 'order.paymentMethod', op: 'eq', value: 'cod' }] },
      'order.paymentMethod = cod',
    ],
    ['message.send', { channel: 'whatsapp', templateId: 'csat' }, 'whatsapp · csat'],
    [
      'custom.thing',
      { points: 50, reason: 'birthday', nested: {} },
      'points: 50 · reason: birthday',
    ],
    ['flow.condition', 'garbage', 'no rules yet'],
  ])('%s %j → %s', (type, config, expected) => {
    expect(summarizeConfig(type, config)).toBe(expected);
  });
});
