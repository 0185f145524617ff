import { postPurchase45 } from '@yatra/nodes';
import { expect, test } from './fixtures';

// One customer through the whole product: a published journey, an order, the run it starts,
// the message it sends. Everything the spec needs is created through the API, so it passes on
// a fresh stack and on one that already holds the seeded demo.
test.describe('smoke', () => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const name = `${postPurchase45.name} · e2e ${stamp}`;
  const customerId = `e2e-${stamp}`;
  let journeyId = '';

  test.afterAll(async ({ request }) => {
    if (journeyId) await request.post(`/api/journeys/${journeyId}/unpublish`);
  });

  test('a published journey runs a new customer and sends the confirmation', async ({
    api,
    journeysPage,
    canvasEditor,
    timelinePage,
    outboxPage,
  }) => {
    const published = await api.publishedJourney({ ...postPurchase45, name });
    journeyId = published.id;
    expect(published.version.version).toBe(1);

    await test.step('the journeys list shows it live', async () => {
      await journeysPage.open();
      await expect(journeysPage.row(name)).toBeVisible();
      await expect(journeysPage.status(name)).toHaveAttribute('data-status', 'live');
    });

    await test.step('its canvas draws every step with stable attributes', async () => {
      await journeysPage.openJourney(name);
      await canvasEditor.waitForCanvas();
      expect(await canvasEditor.nodeCount()).toBe(postPurchase45.nodes.length);
      await expect(canvasEditor.node('first_order')).toHaveAttribute(
        'data-node-type',
        'trigger.event',
      );
      await expect(canvasEditor.node('confirm')).toHaveAttribute('data-node-type', 'message.send');
      for (const node of await canvasEditor.nodes.all()) {
        await expect(node).toHaveAttribute('data-node-id', /\S/);
        await expect(node).toHaveAttribute('data-node-type', /\S/);
      }
      expect(await canvasEditor.edgeCount()).toBe(postPurchase45.edges?.length);
      expect(await canvasEditor.edges.count()).toBeGreaterThanOrEqual(5);
      await expect(canvasEditor.panel).toBeVisible();
      await canvasEditor.openTab('problems');
      await expect(canvasEditor.facts).toBeVisible();
      await canvasEditor.screenshot('journey');
    });

    await api.placeOrder(customerId, `ord-${stamp}`);

    await test.step('the timeline shows the run and the confirmation', async () => {
      await timelinePage.open(customerId);
      await timelinePage.waitFor(timelinePage.itemsOfKind('run.entered'));
      await timelinePage.waitFor(timelinePage.message('order_confirmation'));
      await expect(timelinePage.itemsOfKind('event').first()).toContainText('order.placed');
      await timelinePage.screenshot('timeline');
    });

    await test.step('the outbox shows the message', async () => {
      await outboxPage.open(customerId);
      await outboxPage.waitFor(outboxPage.message('order_confirmation', customerId));
      await outboxPage.screenshot('outbox');
    });
  });
});
