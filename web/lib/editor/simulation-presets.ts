// Ready-made inputs for the Simulate panel: sample customers and the events a D2C store sends,
// with properties that pass the same checks as POST /api/events.
import type { SimulatedCustomer } from './simulation-input';

export interface CustomerPreset {
  id: string;
  label: string;
  customer: Omit<SimulatedCustomer, 'attributes'> & { attributes: Record<string, unknown> };
  /** How this customer pays for the entry order. */
  paymentMethod: 'cod' | 'prepaid';
}

export const CUSTOMER_PRESETS: CustomerPreset[] = [
  {
    id: 'cod-hindi',
    label: 'COD customer, Hindi, Asia/Kolkata',
    customer: {
      id: 'sim_ravi',
      name: 'Ravi Kumar',
      phone: '+919800000002',
      language: 'hi',
      timeZone: 'Asia/Kolkata',
      attributes: { city: 'Lucknow', segment: 'new' },
    },
    paymentMethod: 'cod',
  },
  {
    id: 'prepaid-english',
    label: 'Prepaid customer, English',
    customer: {
      id: 'sim_asha',
      name: 'Asha Verma',
      email: 'asha@example.com',
      language: 'en',
      timeZone: 'Asia/Kolkata',
      attributes: { city: 'Pune', segment: 'new' },
    },
    paymentMethod: 'prepaid',
  },
  {
    id: 'prepaid-dubai',
    label: 'Prepaid customer, English, Asia/Dubai',
    customer: {
      id: 'sim_imran',
      name: 'Imran Shaikh',
      phone: '+971500000003',
      language: 'en',
      timeZone: 'Asia/Dubai',
      attributes: { city: 'Dubai', segment: 'nri' },
    },
    paymentMethod: 'prepaid',
  },
];

const FIRST_ORDER = 'ORD-1001';

/** Entry properties for an event type: an order.placed carries its order, total and payment. */
export function entryProperties(
  type: string,
  paymentMethod: 'cod' | 'prepaid',
): Record<string, unknown> {
  if (type === 'order.placed') {
    return {
      orderId: FIRST_ORDER,
      total: 84900,
      paymentMethod,
      items: [{ sku: 'SERUM-30', qty: 1 }],
    };
  }
  return type.startsWith('order.') ? { orderId: FIRST_ORDER } : {};
}

/** Properties of a scripted event: about the entry order, or a new (second) order. */
export function scriptedProperties(
  type: string,
  entry: Record<string, unknown>,
): Record<string, unknown> {
  const orderId = typeof entry.orderId === 'string' ? entry.orderId : FIRST_ORDER;
  if (type === 'order.placed') {
    return { orderId: 'ORD-1002', total: 59900, paymentMethod: 'prepaid' };
  }
  if (type.startsWith('order.')) return { orderId };
  if (type === 'csat.submitted') return { orderId, score: 5 };
  if (type === 'review.submitted') return { orderId, rating: 5, sku: 'SERUM-30' };
  return {};
}

/** The script a journey starts with: its order is delivered on day 3. */
export function defaultScript(trigger: string | null): { day: number; type: string }[] {
  return trigger === 'order.placed' ? [{ day: 3, type: 'order.delivered' }] : [];
}
