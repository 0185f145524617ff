import { postPurchase45 } from '@yatra/nodes';
import { expect, test } from './fixtures';

// The Simulate panel and the live overlay on the 45-day playbook, published through the API.
// The simulation runs on the server with the production step function; the overlay counts
// real runs of the e2e stack's worker, refreshed without reloading the page.
test.use({ viewport: { width: 1600, height: 1100 } });

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('simulate and live counts', () => {
  const created: string[] = [];
  test.afterAll(async ({ request }) => {
    for (const id of created) await request.post(`/api/journeys/${id}/unpublish`);
  });

  test('simulates a COD customer: the path lights up and the timeline lists each step', async ({
    api,
    canvasEditor: editor,
    simulatePanel: sim,
  }) => {
    test.setTimeout(120_000);
    const { id } = await api.publishedJourney({ ...postPurchase45, name: `Sim · e2e ${stamp()}` });
    created.push(id);
    await editor.open(id);
    await sim.open();

    await test.step('a wrong field is named before anything runs', async () => {
      await sim.editCustomer('{ "id": "c1", "timeZone": "Mumbai" }');
      await sim.run();
      await expect(sim.error).toHaveAttribute('data-kind', 'fields');
      await expect(sim.fieldErrors.first()).toContainText('timeZone: unknown time zone "Mumbai"');
      await expect(editor.node('confirm')).not.toHaveAttribute('data-sim-visited');
    });

    await test.step('COD customer, order.placed cod, delivered on day 3', async () => {
      await sim.chooseCustomer('COD customer, Hindi, Asia/Kolkata');
      await sim.setEntry('order.placed', {
        orderId: 'ORD-2001',
        total: 84900,
        paymentMethod: 'cod',
      });
      await sim.setEvents([
        { day: 3, type: 'order.delivered', properties: { orderId: 'ORD-2001' } },
      ]);
      await sim.run();
      await expect(sim.error).toHaveCount(0);
    });

    await test.step('the path is lit on the canvas, the rest dimmed', async () => {
      await editor.toolbar('fit-view').click();
      await editor.waitForStillViewport();
      const visited = [
        'first_order',
        'confirm',
        'is_cod',
        'cod_reassure',
        'await_delivery',
        'how_to_use',
        'wait_csat',
        'csat',
        'day14',
        'day30',
        'loyalty_invite',
        'window_end',
      ];
      for (const node of visited) {
        await expect(editor.node(node)).toHaveAttribute('data-sim-visited', 'true');
      }
      for (const node of ['delivery_check', 'not_delivered', 'done']) {
        await expect(editor.node(node)).toHaveAttribute('data-sim-visited', 'false');
      }
      await expect(editor.edge('is_cod', 'yes')).toHaveAttribute('data-sim-visited', 'true');
      await expect(editor.edge('is_cod', 'no')).toHaveAttribute('data-sim-visited', 'false');
      await expect(editor.edge('await_delivery', 'event')).toHaveAttribute(
        'data-sim-visited',
        'true',
      );
      await expect(editor.edge('await_delivery', 'timeout')).toHaveAttribute(
        'data-sim-visited',
        'false',
      );
    });

    await test.step('the timeline: virtual day and local time, node, messages, exit', async () => {
      const confirm = sim.row('confirm');
      await expect(confirm).toHaveAttribute('data-day', '0');
      await expect(confirm.getByTestId('sim-row-time')).toHaveText('Day 0 · 10:00');
      await expect(confirm).toContainText('Order confirmation');
      await expect(sim.messages(confirm)).toHaveAttribute('data-template-id', 'order_confirmation');
      await expect(sim.messages(confirm)).toContainText('Ravi Kumar');
      await expect(sim.messages(confirm)).toContainText('ORD-2001');
      await expect(sim.messages(sim.row('cod_reassure'))).toHaveAttribute(
        'data-template-id',
        'cod_reassurance',
      );
      await expect(sim.row('await_delivery', 'wait')).toContainText(
        'waits for order.delivered, at most until Day 7 · 10:00',
      );
      await expect(sim.row('await_delivery')).toHaveAttribute('data-day', '3');
      await expect(sim.row('await_delivery')).toContainText('→ event');
      const howTo = sim.row('how_to_use');
      await expect(howTo.getByTestId('sim-row-time')).toHaveText('Day 3 · 10:00');
      await expect(sim.messages(howTo)).toHaveAttribute('data-template-id', 'how_to_use');
      await expect(sim.messages(sim.row('csat'))).toHaveAttribute(
        'data-template-id',
        'csat_request',
      );
      await expect(sim.row('csat')).toHaveAttribute('data-day', '5');
      await expect(sim.row('day14').getByTestId('sim-row-time')).toHaveText('Day 14 · 10:00');
      await expect(sim.row('delivery_check')).toHaveCount(0);
      await expect(sim.exit).toHaveAttribute('data-exit-reason', 'window_end');
      await expect(sim.exit).toContainText('Day 45');
      await sim.screenshot('simulate-panel');
    });

    await test.step('a timeline row focuses its node; Clear removes the highlight', async () => {
      await sim.row('how_to_use').click();
      await expect(editor.node('how_to_use')).toHaveAttribute('data-selected', 'true');
      await expect(sim.result).toBeVisible(); // the timeline stays open
      await sim.clear();
      await expect(sim.result).toHaveCount(0);
      await expect(editor.node('confirm')).not.toHaveAttribute('data-sim-visited');
      await expect(editor.edge('is_cod', 'yes')).not.toHaveAttribute('data-sim-visited');
    });
  });

  test('live counts appear and grow as customers enter, without reloading', async ({
    api,
    canvasEditor: editor,
    page,
  }) => {
    test.setTimeout(120_000);
    const { id } = await api.publishedJourney({ ...postPurchase45, name: `Live · e2e ${stamp()}` });
    created.push(id);
    await editor.open(id);
    const toggle = page.getByTestId('live-counts-toggle');
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByTestId('node-counts-first_order')).toHaveCount(0);
    // Marks this page load: a reload would drop it.
    await page.evaluate(() => Object.assign(window, { yatraSamePage: true }));

    const first = `e2e-live-${stamp()}`;
    await api.placeOrder(first, `ord-${first}`, 'cod');
    const entered = page.getByTestId('node-counts-first_order');
    await expect(entered).toHaveAttribute('data-entered', '1', { timeout: 45_000 });
    await expect(page.getByTestId('node-counts-await_delivery')).toHaveAttribute(
      'data-waiting',
      '1',
      { timeout: 20_000 },
    );
    await expect(page.getByTestId('edge-count-is_cod.yes->cod_reassure')).toHaveAttribute(
      'data-count',
      '1',
    );

    const second = `e2e-live-${stamp()}`;
    await api.placeOrder(second, `ord-${second}`, 'prepaid');
    await expect(entered).toHaveAttribute('data-entered', '2', { timeout: 45_000 });
    await expect(page.getByTestId('edge-count-is_cod.no->await_delivery')).toHaveAttribute(
      'data-count',
      '1',
      { timeout: 20_000 },
    );
    await expect(page.getByTestId('node-counts-await_delivery')).toHaveAttribute(
      'data-waiting',
      '2',
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => 'yatraSamePage' in window)).toBe(true);
    await editor.screenshot('canvas-live-counts');

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByTestId('node-counts-first_order')).toHaveCount(0);
  });

  test('the editor works from the keyboard: tabs, palette, labelled controls', async ({
    api,
    canvasEditor: editor,
    page,
  }) => {
    const id = await api.createJourney({ name: `Keys · e2e ${stamp()}`, nodes: [] });
    created.push(id);
    await editor.open(id);

    // Tabs: one tab stop; arrows move between tabs and open their panel.
    await editor.tab('inspector').focus();
    await page.keyboard.press('ArrowRight');
    await expect(editor.tab('problems')).toBeFocused();
    await expect(editor.tab('problems')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Problems' })).toBeVisible();
    await page.keyboard.press('End');
    await expect(editor.tab('simulate')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Simulate' })).toBeVisible();

    // Palette: Tab to an item, Enter adds it at the middle of the view.
    const item = page.locator('[data-testid="palette-item"][data-node-type="trigger.event"]');
    await item.focus();
    await page.keyboard.press('Enter');
    await expect(editor.nodes).toHaveCount(1);
    const canvas = await editor.canvas.boundingBox();
    const node = await editor.nodes.first().boundingBox();
    if (!canvas || !node) throw new Error('canvas or node not drawn');
    const dx = node.x + node.width / 2 - (canvas.x + canvas.width / 2);
    const dy = node.y + node.height / 2 - (canvas.y + canvas.height / 2);
    expect(Math.abs(dx)).toBeLessThan(40);
    expect(Math.abs(dy)).toBeLessThan(60);

    // Icon-only buttons have names; inspector inputs have labels; toasts are announced.
    for (const name of ['Undo (Ctrl+Z)', 'Zoom to fit', 'Add a sticky note', 'More actions']) {
      await expect(page.getByRole('button', { name })).toBeVisible();
    }
    await expect(page.getByRole('textbox', { name: 'Label' })).toBeVisible();
    await expect(page.locator('[role="status"][aria-live="polite"]').first()).toBeAttached();
  });
});
