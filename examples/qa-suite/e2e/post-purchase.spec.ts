import { expect, forCustomer, orderPlaced, test, YatraApiError } from '@yatra/testing/playwright';

// A QA team's browser test, written only against the testing kit: seed a customer, the catalogue
// and the playbook through the API, simulate a persona on the canvas, then watch a real order go
// through the running stack to the customer's timeline and the outbox.
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const journeyName = `Playbook · QA ${stamp}`;
const customerId = `qa-asha-${stamp}`;
let journeyId = '';

test.use({ viewport: { width: 1600, height: 1100 } });

test.afterAll(async ({ request }) => {
  // Unpublished, so later tests' orders do not enter it.
  if (journeyId) await request.post(`/api/journeys/${journeyId}/unpublish`);
});

test('seed through the API, simulate on the canvas, then run a real order', async ({
  api,
  journeysPage,
  canvasEditor,
  simulatePanel: sim,
  timelinePage,
  outboxPage,
}) => {
  test.setTimeout(120_000);

  await test.step('seed: catalogue, customer, the playbook from its file', async () => {
    const written = await api.upsertProducts([
      { sku: `SERUM-${stamp}`, name: 'Vitamin C serum 30 ml', pricePaise: 84_900, stock: 40 },
      {
        sku: `SPF-${stamp}`,
        name: 'Sunscreen SPF 50',
        pricePaise: 59_900,
        consumptionCycleDays: 30,
      },
    ]);
    expect(written).toBe(2);
    expect((await api.products()).map((p) => p.sku)).toContain(`SERUM-${stamp}`);
    const customer = await api.upsertCustomer({
      id: customerId,
      name: 'Asha Verma',
      phone: '+919812345670',
      language: 'hi',
      timeZone: 'Asia/Kolkata',
      attributes: { city: 'Pune' },
    });
    expect(customer).toMatchObject({
      id: customerId,
      language: 'hi',
      attributes: { city: 'Pune' },
    });
    // Marketing sends need the customer's grant (DPDP); granting twice changes nothing.
    const marketing = { channel: 'whatsapp', purpose: 'marketing', granted: true } as const;
    expect(await api.setConsent(customerId, marketing)).toEqual({ changed: true });
    expect(await api.setConsent(customerId, marketing)).toEqual({ changed: false });
    const published = await api.publishJourneyFile('examples/journeys/post-purchase-45.json', {
      name: journeyName,
    });
    journeyId = published.id;
    expect(published.version.version).toBe(1);
  });

  await test.step('open it from the journeys list', async () => {
    await journeysPage.open();
    await expect(journeysPage.status(journeyName)).toHaveAttribute('data-status', 'live');
    await journeysPage.openJourney(journeyName);
    await canvasEditor.waitForCanvas();
    await expect(canvasEditor.node('cross_sell_split')).toHaveAttribute(
      'data-node-type',
      'audience.cohort_split',
    );
  });

  await test.step('simulate: COD order, delivered on day 3, second order on day 12', async () => {
    await sim.open();
    await sim.editCustomer(
      JSON.stringify({ id: customerId, name: 'Asha Verma', timeZone: 'Asia/Kolkata' }),
    );
    await sim.setEntry('order.placed', { orderId: 'SIM-1', total: 84_900, paymentMethod: 'cod' });
    await sim.setEvents([
      { day: 3, type: 'order.delivered', properties: { orderId: 'SIM-1' } },
      {
        day: 12,
        type: 'order.placed',
        properties: { orderId: 'SIM-2', total: 59_900, paymentMethod: 'cod' },
      },
    ]);
    await sim.run();
    await expect(sim.error).toHaveCount(0);
    await expect(sim.messages(sim.row('cod_reassure'))).toHaveAttribute(
      'data-template-id',
      'cod_reassurance',
    );
    await expect(sim.row('csat')).toHaveAttribute('data-day', '5');
    await expect(sim.row('cross_sell')).toHaveCount(0);
    await expect(sim.exit).toHaveAttribute('data-exit-reason', 'goal');
    await expect(canvasEditor.node('is_cod')).toHaveAttribute('data-sim-visited', 'true');
  });

  await test.step('a real order reaches the timeline and the outbox', async () => {
    const orderId = `qa-${stamp}-1`;
    const answer = await api.postEvents(
      forCustomer(customerId, orderPlaced({ orderId, paymentMethod: 'cod', total: 84_900 })),
    );
    expect(answer.accepted).toBe(1);
    await timelinePage.open(customerId);
    await timelinePage.waitFor(timelinePage.message('cod_reassurance'));
    await expect(timelinePage.step('is_cod')).not.toHaveCount(0);
    await outboxPage.open(customerId);
    await outboxPage.waitFor(outboxPage.message('order_confirmation', customerId));
    await expect(outboxPage.onChannel('whatsapp', customerId)).not.toHaveCount(0);
    // The API answers what the pages show; this journey's sends, in order.
    await expect
      .poll(async () => (await api.outbox({ customerId, journeyId })).map((m) => m.templateId))
      .toEqual(['order_confirmation', 'cod_reassurance']);
    const timeline = await api.timeline(customerId);
    expect(timeline.customer?.name).toBe('Asha Verma');
    expect(timeline.items.some((i) => i.kind === 'run.entered' && i.journeyId === journeyId)).toBe(
      true,
    );
  });
});

test('a refused seed fails with the field the server named', async ({ api }) => {
  const error = await api
    .upsertCustomer({ id: `qa-bad-${stamp}`, timeZone: 'Mumbai' })
    .catch((e: unknown) => e);
  if (!(error instanceof YatraApiError))
    throw new Error(`expected a YatraApiError, got ${String(error)}`);
  expect(error.status).toBe(400);
  expect(error.issues).toEqual([expect.objectContaining({ path: 'timeZone' })]);
  expect(error.message).toContain('timeZone: unknown time zone "Mumbai"');

  await expect(
    api.upsertProducts([{ sku: `BAD-${stamp}`, name: 'Half a rupee', pricePaise: 12.5 }]),
  ).rejects.toThrow('products.0.pricePaise: pricePaise is integer paise');
});
