import { describe, expect, it } from 'vitest';
import { videoThenSendJourney } from '../builtins/media/video-journey';
import { postPurchase45 } from '../demo/post-purchase-45';
import { compile } from './compile';
import { estimateMessagingCost, formatMillipaise, type CostInputs } from './cost';
import type { JourneyDocumentInput } from './document';
import type { CompiledJourney } from './ir';

// migration 0003's defaults, in thousandths of a paisa
const PRICES: Record<string, number> = {
  'whatsapp/utility': 11_500,
  'whatsapp/marketing': 96_000,
  'sms/utility': 18_000,
  'email/marketing': 2_000,
};
const price: CostInputs['price'] = (channel, category) => PRICES[`${channel}/${category}`];

function ir(doc: JourneyDocumentInput): CompiledJourney {
  const result = compile(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.ir;
}

const send = (id: string, channel: string, category: string) => ({
  id,
  type: 'message.send',
  config: { channel, templateId: id, category, variables: {} },
});
const start = { id: 'start', type: 'trigger.event', config: { event: 'order.placed' } };
const end = { id: 'end', type: 'flow.exit', config: {} };

describe('estimateMessagingCost', () => {
  it('the 45-day playbook: typical ₹1.26, worst ₹2.38 per customer (hand-computed)', () => {
    const cost = estimateMessagingCost(ir(postPurchase45), { price });
    // Worst: confirm + COD reassurance + how-to + CSAT (4 × 11,500 utility) + cross-sell and
    // loyalty invite (2 × 96,000 marketing) = 238,000.
    expect(cost.worstMillipaise).toBe(238_000);
    expect(cost.worstMessages).toBe(6);
    // Typical: confirm 11,500 + COD half the time 5,750 + delivered or not (50/50):
    //   delivered: how-to 11,500 + CSAT 11,500 + cross-sell to the 90% arm 86,400 + invite 96,000 = 205,400
    //   not delivered: delivery check 11,500
    //   → 108,450; total 125,700.
    expect(cost.typicalMillipaise).toBe(125_700);
    expect(cost.typicalMessages).toBeCloseTo(1 + 0.5 + 0.5 * (2 + 0.9 + 1) + 0.5, 10);
    expect(formatMillipaise(cost.typicalMillipaise)).toBe('₹1.26');
    expect(formatMillipaise(cost.worstMillipaise)).toBe('₹2.38');
    expect(cost.steps).toHaveLength(7);
    expect(cost.steps.find((s) => s.nodeId === 'cross_sell')).toEqual({
      nodeId: 'cross_sell',
      channel: 'whatsapp',
      templateId: 'cross_sell_nudge',
      category: 'marketing',
      priceMillipaise: 96_000,
    });
  });

  it("prices a step by its registered template's category, not the step's own", () => {
    const registry: Record<string, string> = { cross_sell_nudge: 'utility' };
    const cost = estimateMessagingCost(ir(postPurchase45), {
      price,
      templateCategory: (id) => registry[id],
    });
    // The cross-sell nudge drops from 96,000 to 11,500: worst 238,000 − 84,500; typical 125,700 − 0.5 × 0.9 × 84,500.
    expect(cost.worstMillipaise).toBe(153_500);
    expect(cost.typicalMillipaise).toBe(Math.round(125_700 - 0.45 * 84_500));
  });

  it("never takes a step's failure branch on the typical path", () => {
    const doc = videoThenSendJourney({ name: 'Video', templateId: 'order', data: {} });
    const cost = estimateMessagingCost(ir(doc), { price });
    // Both sends are WhatsApp utility (the node's default category): one of them, either way.
    expect(cost.typicalMillipaise).toBe(11_500);
    expect(cost.worstMillipaise).toBe(11_500);
    expect(cost.typicalMessages).toBe(1);
  });

  it('splits attribute cohorts evenly, counts unpriced channels as 0 and loops once', () => {
    const doc: JourneyDocumentInput = {
      name: 'Language split',
      nodes: [
        start,
        {
          id: 'lang',
          type: 'audience.cohort_split',
          config: {
            mode: 'attribute',
            field: 'customer.language',
            arms: [{ id: 'hi', values: ['hi'] }],
          },
        },
        send('sms_hi', 'sms', 'utility'),
        send('mail', 'email', 'marketing'),
        send('push_other', 'push', 'utility'),
        {
          id: 'again',
          type: 'flow.wait_for_event',
          config: { event: 'order.delivered', timeout: { amount: 1, unit: 'days' } },
        },
        end,
      ],
      edges: [
        { source: 'start', sourcePort: 'next', target: 'lang' },
        { source: 'lang', sourcePort: 'hi', target: 'sms_hi' },
        { source: 'lang', sourcePort: 'other', target: 'push_other' },
        { source: 'sms_hi', sourcePort: 'next', target: 'mail' },
        { source: 'push_other', sourcePort: 'next', target: 'mail' },
        { source: 'mail', sourcePort: 'next', target: 'again' },
        // Delivered: back to the email (a loop through a wait), else done.
        { source: 'again', sourcePort: 'event', target: 'mail' },
        { source: 'again', sourcePort: 'timeout', target: 'end' },
      ],
    };
    const cost = estimateMessagingCost(ir(doc), { price });
    expect(cost.steps.find((s) => s.nodeId === 'push_other')?.priceMillipaise).toBeUndefined();
    // hi: 18,000 + email 2,000; other: push (no price, 0) + email 2,000; the loop back is not repeated.
    expect(cost.worstMillipaise).toBe(20_000);
    expect(cost.typicalMillipaise).toBe(0.5 * 20_000 + 0.5 * 2_000);
    expect(cost.worstMessages).toBe(2);
  });

  it('a journey without sends costs nothing', () => {
    const cost = estimateMessagingCost(
      ir({ name: 'Quiet', nodes: [start, end], edges: [{ source: 'start', target: 'end' }] }),
      { price },
    );
    expect(cost).toEqual({
      typicalMillipaise: 0,
      worstMillipaise: 0,
      typicalMessages: 0,
      worstMessages: 0,
      steps: [],
    });
    expect(formatMillipaise(1_190_000)).toBe('₹11.90');
  });
});
