import { afterAll, beforeAll, expect, it } from 'vitest';
import { countUndispatched, listCustomers, listJourneys, listProducts } from '@yatra/db';
import { startTestDb } from '@yatra/db/testing/test-db';
import { seedDemo } from './seed';

let t: Awaited<ReturnType<typeof startTestDb>>;
beforeAll(async () => {
  t = await startTestDb();
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

it('seeds a published playbook, products, customers and their first orders — once', async () => {
  const first = await seedDemo(t.db);
  const second = await seedDemo(t.db);
  expect(first.created).toBe(true);
  expect(second).toEqual({ journeyId: first.journeyId, created: false });
  const journeys = await listJourneys(t.db);
  expect(journeys).toHaveLength(1);
  expect(journeys[0]).toMatchObject({ name: '45-day post-purchase playbook', liveVersion: 1 });
  expect((await listProducts(t.db)).length).toBe(4);
  expect((await listCustomers(t.db)).length).toBe(4);
  expect(await countUndispatched(t.db)).toBe(4);
});
