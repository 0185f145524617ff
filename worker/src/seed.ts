import {
  createJourney,
  createProgram,
  getDefaultProgram,
  ingestEvents,
  listConsents,
  listJourneys,
  publishJourneyVersion,
  setConsent,
  upsertCustomer,
  upsertProducts,
  type Db,
} from '@yatra/db';
import {
  compile,
  demoProgram,
  loyaltyDemoJourneys,
  postPurchase45,
  programConfigSchema,
  type JourneyDocumentInput,
} from '@yatra/nodes';
import { seedDemoTemplates } from './seed-templates';
import { nodeRegistry } from './node-registry';

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

/** Creates and publishes a demo journey unless one of that name exists. */
async function publishDemoJourney(
  db: Db,
  document: JourneyDocumentInput,
): Promise<{ journeyId: string; created: boolean }> {
  const existing = (await listJourneys(db)).find((j) => j.name === document.name);
  if (existing) return { journeyId: existing.id, created: false };
  const compiled = compile(document, nodeRegistry);
  if (!compiled.ok)
    throw new Error(
      `The demo journey "${document.name}" does not compile: ${JSON.stringify(compiled.errors)}`,
    );
  const journey = await createJourney(db, {
    name: document.name,
    description: document.description,
    graph: document,
  });
  await publishJourneyVersion(db, {
    journeyId: journey.id,
    graph: document,
    ir: compiled.ir,
    triggerEvent: compiled.ir.trigger.event,
    publishedBy: 'demo seed',
  });
  return { journeyId: journey.id, created: true };
}

/**
 * Demo consents: everyone opted in to WhatsApp offers at checkout except Farhan, whose
 * marketing sends the timeline shows as skipped (and why). A consent someone has changed since
 * is theirs: only (customer, channel, purpose) pairs with no row yet are granted.
 */
async function seedDemoConsents(db: Db): Promise<void> {
  const optedIn = customers.filter((c) => c.id !== 'demo-farhan');
  for (const customer of optedIn) {
    const existing = await listConsents(db, customer.id);
    if (existing.some((c) => c.channel === 'whatsapp' && c.purpose === 'marketing')) continue;
    await setConsent(db, {
      customerId: customer.id,
      channel: 'whatsapp',
      purpose: 'marketing',
      granted: true,
      source: 'seed',
      detail: { note: 'demo: opted in at checkout' },
      at: new Date(),
    });
  }
}

/**
 * Seeds the demo `npm start` shows: the 45-day post-purchase playbook, published, plus sample
 * products and customers whose first orders enter it; the loyalty programme (Bronze → Platinum,
 * 500 points = ₹50) and a journey per loyalty moment. Idempotent: safe on every start.
 */
export async function seedDemo(db: Db): Promise<{ journeyId: string; created: boolean }> {
  await upsertProducts(db, products);
  await seedDemoTemplates(db);
  for (const { paymentMethod: _payment, ...customer } of customers) {
    await upsertCustomer(db, { ...customer, timeZone: 'Asia/Kolkata' });
  }
  await seedDemoConsents(db);
  // A programme configured since (on the loyalty page) is the brand's own: never overwrite it.
  if (!(await getDefaultProgram(db)))
    await createProgram(db, programConfigSchema.parse(demoProgram));
  const { journeyId, created } = await publishDemoJourney(db, postPurchase45);
  for (const document of Object.values(loyaltyDemoJourneys)) await publishDemoJourney(db, document);
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
  return { journeyId, created };
}
