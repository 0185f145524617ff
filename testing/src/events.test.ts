import { eventBodySchema } from '@yatra/nodes';
import { describe, expect, it } from 'vitest';
import { forCustomer, orderPlaced, orderUpdate } from './events';

describe('event builders', () => {
  it('build events POST /api/events accepts, with one key per order and type', () => {
    const events = forCustomer(
      'asha',
      orderPlaced({ orderId: 'o-1', paymentMethod: 'cod', customer: { name: 'Asha' } }),
      orderUpdate('order.delivered', 'o-1'),
      orderUpdate('order.returned', 'o-1'),
    );
    expect(eventBodySchema.safeParse(events).success).toBe(true);
    expect(events.map((e) => [e.customerId, e.type, e.idempotencyKey])).toEqual([
      ['asha', 'order.placed', 'o-1-placed'],
      ['asha', 'order.delivered', 'o-1-delivered'],
      ['asha', 'order.returned', 'o-1-returned'],
    ]);
    expect(events[0]?.properties).toEqual({
      orderId: 'o-1',
      total: 129_900,
      paymentMethod: 'cod',
      items: [{ sku: 'SERUM-30', qty: 1, price: 129_900 }],
      customer: { name: 'Asha' },
    });
  });

  it('a total in rupees instead of paise is refused by the API schema', () => {
    const [event] = forCustomer(
      'asha',
      orderPlaced({ orderId: 'o-2', paymentMethod: 'cod', total: 1299.5 }),
    );
    const parsed = eventBodySchema.safeParse(event);
    expect(parsed.success).toBe(false);
  });
});
