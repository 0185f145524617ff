import { expect, it } from 'vitest';
import {
  countUndispatched,
  getDefaultProgram,
  listCustomers,
  listJourneys,
  listProducts,
  updateProgram,
} from '@yatra/db';
import { useTestDb } from '@yatra/db/testing/use-test-db';
import { loyaltyDemoJourneys } from '@yatra/nodes';
import { seedDemo } from './seed';

const t = useTestDb();

it('seeds a published playbook, products, customers and their first orders — once', async () => {
  const first = await seedDemo(t.db);
  const second = await seedDemo(t.db);
  expect(first.created).toBe(true);
  expect(second).toEqual({ journeyId: first.journeyId, created: false });
  const journeys = await listJourneys(t.db);
  expect(journeys.find((j) => j.id === first.journeyId)).toMatchObject({
    name: '45-day post-purchase playbook',
    liveVersion: 1,
  });
  expect((await listProducts(t.db)).length).toBe(4);
  expect((await listCustomers(t.db)).length).toBe(4);
  expect(await countUndispatched(t.db)).toBe(4);
});

it('seeds the loyalty programme and a live journey per loyalty moment — once', async () => {
  await seedDemo(t.db);
  const program = await getDefaultProgram(t.db);
  expect(program).toMatchObject({ name: 'Yatra Rewards', pointValuePaise: 10, expiryDays: 365 });
  expect(program?.tiers).toEqual([
    expect.objectContaining({ name: 'Bronze', threshold: 0 }),
    expect.objectContaining({ name: 'Silver', threshold: 5_000 }),
    expect.objectContaining({ name: 'Gold', threshold: 15_000 }),
    expect.objectContaining({ name: 'Platinum', threshold: 40_000 }),
  ]);
  expect(program?.redemptionOptions).toContainEqual(
    expect.objectContaining({ id: 'rs50-off', points: 500, valuePaise: 5_000 }),
  );
  const journeys = await listJourneys(t.db);
  const loyaltyNames = Object.values(loyaltyDemoJourneys).map((d) => d.name);
  expect(journeys.map((j) => j.name).sort()).toEqual(
    ['45-day post-purchase playbook', ...loyaltyNames].sort(),
  );
  // A programme the brand configured since is theirs: seeding again leaves it alone.
  await updateProgram(t.db, program?.id ?? '', { name: 'Asha Naturals Club' });
  await seedDemo(t.db);
  expect(await getDefaultProgram(t.db)).toMatchObject({
    id: program?.id,
    name: 'Asha Naturals Club',
  });
  for (const name of loyaltyNames)
    expect(
      journeys.find((j) => j.name === name),
      name,
    ).toMatchObject({ liveVersion: 1 });
  expect(loyaltyNames).toEqual(
    expect.arrayContaining([
      'Loyalty: points earned',
      'Loyalty: tier progress nudge',
      'Loyalty: points expiring',
    ]),
  );
});
