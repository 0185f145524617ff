import {
  createJourney,
  ingestEvents,
  listJourneys,
  publishJourneyVersion,
  upsertCustomer,
  upsertProducts,
  type Db,
} from '@yatra/db';
import { compile, postPurchase45 } from '@yatra/nodes';

const products = [
  {
    sku: 'SERUM-30',
    name: 'Vitamin C serum 30 ml',
    category: 'skincare',
    pricePaise: 69_900,
    consumptionCycleDays: 22,
    stock: 480,
  },
  {
    sku: 'SUNSCREEN-50',
    name: 'Mineral sunscreen SPF 50',
    category: 'skincare',
    pricePaise: 54_900,
    consumptionCycleDays: 40,
    stock: 300,
  },
  {
    sku: 'CLEANSER-100',
    name: 'Gentle cleanser 100 ml',
    category: 'skincare',
    pricePaise: 39_900,
    consumptionCycleDays: 45,
    stock: 650,
  },
  {
    sku: 'KAJAL-01',
    name: 'Smudge-proof kajal',
    category: 'makeup',
    pricePaise: 29_900,
    consumptionCycleDays: 60,
    stock: 120,
  },
];

const customers = [
  {
    id: 'demo-asha',
    name: 'Asha Patil',
    phone: '+919820000001',
    email: 'asha@example.in',
    language: 'mr',
    paymentMethod: 'cod' as const,
  },
  {
    id: 'demo-rohan',
    name: 'Rohan Mehta',
    phone: '+919820000002',
    email: 'rohan@example.in',
    language: 'en',
    paymentMethod: 'prepaid' as const,
  },
  {
    id: 'demo-lakshmi',
    name: 'Lakshmi Iyer',
    phone: '+919820000003',
    email: 'lakshmi@example.in',
    language: 'ta',
    paymentMethod: 'prepaid' as const,
  },
  {
    id: 'demo-farhan',
    name: 'Farhan Ali',
    phone: '+919820000004',
    email: 'farhan@example.in',
    language: 'hi',
    paymentMethod: 'cod' as const,
  },
];

/**
 * Seeds the demo `npm start` shows: the 45-day post-purchase playbook, published, plus sample
 * products and customers whose first orders enter it. Idempotent: safe on every start.
 */
export async function seedDemo(db: Db): Promise<{ journeyId: string; created: boolean }> {
  await upsertProducts(db, products);
  for (const { paymentMethod: _payment, ...customer } of customers) {
    await upsertCustomer(db, { ...customer, timeZone: 'Asia/Kolkata' });
  }
  const existing = (await listJourneys(db)).find((j) => j.name === postPurchase45.name);
  let journeyId = existing?.id;
  if (!journeyId) {
    const compiled = compile(postPurchase45);
    if (!compiled.ok)
      throw new Error(`The demo journey does not compile: ${JSON.stringify(compiled.errors)}`);
    const journey = await createJourney(db, {
      name: postPurchase45.name,
      description: postPurchase45.description,
      graph: postPurchase45,
    });
    await publishJourneyVersion(db, {
      journeyId: journey.id,
      graph: postPurchase45,
      ir: compiled.ir,
      triggerEvent: compiled.ir.trigger.event,
      publishedBy: 'demo seed',
    });
    journeyId = journey.id;
  }
  // First orders (keys make re-seeding a no-op): the worker's dispatcher enters them.
  await ingestEvents(
    db,
    customers.map((c, i) => ({
      type: 'order.placed',
      customerId: c.id,
      occurredAt: new Date(),
      idempotencyKey: `demo-first-order-${c.id}`,
      properties: {
        orderId: `DEMO-${1001 + i}`,
        total: products[i % products.length]!.pricePaise,
        paymentMethod: c.paymentMethod,
        items: [{ sku: products[i % products.length]!.sku, qty: 1 }],
      },
    })),
  );
  return { journeyId, created: !existing };
}
