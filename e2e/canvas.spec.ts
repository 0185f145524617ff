import { readFile } from 'node:fs/promises';
import { postPurchase45 } from '@yatra/nodes';
import { expect, test } from './fixtures';

// The journey canvas editor in real Chromium. The first test keeps the real gestures: it builds
// the playbook's Day 0–7 section from an empty journey by dragging nodes out of the palette and
// drawing edges between port handles with the mouse. The others seed through the API.
test.use({ viewport: { width: 1600, height: 1100 } });

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('journey canvas editor', () => {
  const created: string[] = [];
  test.afterAll(async ({ request }) => {
    for (const id of created) await request.post(`/api/journeys/${id}/unpublish`);
  });

  test('builds Day 0–7 of the playbook from an empty canvas, then publishes it', async ({
    api,
    canvasEditor: editor,
    palette,
    inspector,
    simulatePanel,
  }) => {
    test.setTimeout(200_000);
    const id = await api.createJourney({ name: `Day 0–7 · e2e ${stamp()}`, nodes: [] });
    created.push(id);
    await editor.open(id);
    await expect(editor.page.getByTestId('canvas-empty')).toBeVisible();
    await expect(editor.publishButton).toBeDisabled();

    const ids = {
      trigger: '',
      confirm: '',
      cod: '',
      reassure: '',
      delivered: '',
      howTo: '',
      done: '',
      delay: '',
      notDelivered: '',
    };
    await test.step('drag every step from the palette and configure it', async () => {
      ids.trigger = await palette.dragToCanvas('trigger.event', { x: 500, y: 60 });
      await inspector.expectNode(ids.trigger);
      await inspector.fill('event', 'order.placed');
      await expect(inspector.root.getByTestId('event-hint')).toContainText('paymentMethod');

      ids.confirm = await palette.dragToCanvas('message.send', { x: 500, y: 170 });
      await inspector.expectNode(ids.confirm);
      await inspector.setLabel('Order confirmation');
      await inspector.fill('templateId', 'order_confirmation');

      ids.cod = await palette.dragToCanvas('flow.condition', { x: 500, y: 280 });
      await inspector.expectNode(ids.cod);
      await inspector.setLabel('COD?');
      await inspector.setRule(0, { field: 'order.paymentMethod', op: 'eq', value: 'cod' });

      ids.reassure = await palette.dragToCanvas('message.send', { x: 790, y: 380 });
      await inspector.setLabel('Hassle-free returns');
      await inspector.fill('templateId', 'cod_reassurance');

      ids.delivered = await palette.dragToCanvas('flow.wait_for_event', { x: 500, y: 470 });
      await inspector.expectNode(ids.delivered);
      await inspector.setLabel('Delivered?');
      await inspector.fill('event', 'order.delivered');
      await inspector.setDuration('timeout', 7, 'days');

      ids.howTo = await palette.dragToCanvas('message.send', { x: 260, y: 590 });
      await inspector.setLabel('How to use');
      await inspector.fill('templateId', 'how_to_use');

      ids.done = await palette.dragToCanvas('flow.exit', { x: 260, y: 710 });
      await inspector.expectNode(ids.done);

      ids.delay = await palette.dragToCanvas('message.send', { x: 740, y: 590 });
      await inspector.setLabel('Checking on your order');
      await inspector.fill('templateId', 'delivery_delay');

      ids.notDelivered = await palette.dragToCanvas('flow.exit', { x: 740, y: 710 });
      await inspector.fill('reason', 'not_delivered');
      await expect(editor.nodes).toHaveCount(9);
    });

    await test.step('a nonsensical edge is refused with a reason', async () => {
      await editor.connect(ids.delay, 'next', ids.delay);
      await expect(editor.toasts.last()).toContainText('cannot lead to itself');
      await expect.poll(() => editor.edgeCount()).toBe(0);
    });

    await test.step('draw the edges between port handles', async () => {
      await editor.connect(ids.trigger, 'next', ids.confirm);
      await editor.connect(ids.confirm, 'next', ids.cod);
      await editor.connect(ids.cod, 'yes', ids.reassure);
      await editor.connect(ids.cod, 'no', ids.delivered);
      await editor.connect(ids.reassure, 'next', ids.delivered);
      await editor.connect(ids.delivered, 'event', ids.howTo);
      await editor.connect(ids.howTo, 'next', ids.done);
      await editor.connect(ids.delivered, 'timeout', ids.delay);
      await expect.poll(() => editor.edgeCount()).toBe(8);
      await expect(editor.edge(ids.cod, 'yes')).toHaveCount(1);
      // A port leads to one next step.
      await editor.connect(ids.cod, 'yes', ids.delivered);
      await expect(editor.toasts.last()).toContainText('already leads to');
      await expect.poll(() => editor.edgeCount()).toBe(8);
    });

    await test.step('the unwired port is a problem on its node and in the list', async () => {
      await expect(editor.problemBadge(ids.delay)).toBeVisible();
      await expect(editor.publishButton).toBeDisabled();
      await expect(editor.publishReason).toContainText('Fix 2 problems');
      await editor.openTab('problems');
      await expect(editor.problem(ids.delay, 'port_unwired')).toContainText(
        '"next" is not connected',
      );
      await editor.problem(ids.delay, 'port_unwired').click();
      await expect(editor.node(ids.delay)).toHaveAttribute('data-selected', 'true');
      await inspector.expectNode(ids.delay);
      await expect(inspector.problems).toContainText('not connected');
    });

    await test.step('wiring it makes the problem disappear', async () => {
      await editor.connect(ids.delay, 'next', ids.notDelivered);
      await expect.poll(() => editor.edgeCount()).toBe(9);
      await expect(editor.problemBadge(ids.delay)).toHaveCount(0);
      await expect(editor.problemCount).toHaveText('0');
      await expect(editor.publishButton).toBeEnabled();
    });

    await test.step('undo and redo', async () => {
      await editor.undo();
      await expect.poll(() => editor.edgeCount()).toBe(8);
      await expect(editor.problemBadge(ids.delay)).toBeVisible();
      await expect(editor.publishButton).toBeDisabled();
      await editor.redo();
      await expect.poll(() => editor.edgeCount()).toBe(9);
      await expect(editor.problemBadge(ids.delay)).toHaveCount(0);
      await expect(editor.publishButton).toBeEnabled();
    });

    await test.step('auto-layout lays it out top to bottom', async () => {
      const before = await editor.node(ids.reassure).boundingBox();
      await editor.autoLayout();
      await expect
        .poll(async () => (await editor.node(ids.reassure).boundingBox())?.x)
        .not.toBe(before?.x);
      const top = async (id: string) => (await editor.node(id).boundingBox())?.y ?? NaN;
      expect(await top(ids.trigger)).toBeLessThan(await top(ids.confirm));
      expect(await top(ids.confirm)).toBeLessThan(await top(ids.cod));
      expect(await top(ids.delivered)).toBeLessThan(await top(ids.howTo));
      expect(await top(ids.howTo)).toBeLessThan(await top(ids.done));
      await editor.waitSaved();
      await editor.selectNode(ids.cod);
      await editor.screenshot('canvas-editor-built');
    });

    await test.step('publish creates version 1', async () => {
      expect(await editor.publish('e2e')).toBe(1);
      await expect(editor.publishReason).toContainText('No changes since v1');
      const versions = await api.versions(id);
      expect(versions.map((v) => [v.version, v.live, v.publishedBy])).toEqual([[1, true, 'e2e']]);
      expect(await api.journeyDocument(id)).toMatchObject({
        nodes: expect.arrayContaining([expect.objectContaining({ id: ids.notDelivered })]),
        edges: expect.arrayContaining([
          { source: ids.delay, sourcePort: 'next', target: ids.notDelivered },
        ]),
      });
    });

    await test.step('simulate a COD customer delivered on day 3: the path lights up', async () => {
      await simulatePanel.open();
      // The defaults: the COD preset enters with the trigger's order.placed; delivered on day 3.
      await expect(simulatePanel.customerPreset).toHaveValue('cod-hindi');
      await expect(simulatePanel.entryType).toHaveValue('order.placed');
      await simulatePanel.run();
      await editor.toolbar('fit-view').click();
      await editor.waitForStillViewport();
      const lit = [ids.trigger, ids.confirm, ids.cod, ids.reassure, ids.delivered, ids.howTo];
      for (const id of [...lit, ids.done]) {
        await expect(editor.node(id)).toHaveAttribute('data-sim-visited', 'true');
      }
      for (const id of [ids.delay, ids.notDelivered]) {
        await expect(editor.node(id)).toHaveAttribute('data-sim-visited', 'false');
      }
      await expect(editor.edge(ids.cod, 'yes')).toHaveAttribute('data-sim-visited', 'true');
      await expect(editor.edge(ids.cod, 'no')).toHaveAttribute('data-sim-visited', 'false');
      await expect(editor.edge(ids.delivered, 'timeout')).toHaveAttribute(
        'data-sim-visited',
        'false',
      );
      await expect(simulatePanel.row(ids.confirm)).toHaveAttribute('data-day', '0');
      await expect(simulatePanel.messages(simulatePanel.row(ids.reassure)).first()).toHaveAttribute(
        'data-template-id',
        'cod_reassurance',
      );
      await expect(simulatePanel.row(ids.howTo)).toHaveAttribute('data-day', '3');
      await expect(simulatePanel.exit).toHaveAttribute('data-exit-reason', 'completed');
    });
  });

  test('edits the demo journey, publishes v2 over running customers, restores v1', async ({
    api,
    canvasEditor: editor,
    inspector,
    page,
  }) => {
    test.setTimeout(150_000);
    const name = `Playbook · e2e ${stamp()}`;
    const { id } = await api.publishedJourney({ ...postPurchase45, name });
    created.push(id);
    // A COD customer enters v1 now and waits at "Delivered?" while we edit.
    const customerId = `e2e-canvas-${stamp()}`;
    await api.placeOrder(customerId, `ord-${customerId}`, 'cod');

    await editor.open(id);
    await expect(editor.liveVersion).toHaveText('v1');
    await expect(editor.draftState).toHaveAttribute('data-state', 'same');
    await expect(editor.publishButton).toBeDisabled();
    await expect(editor.edges.first()).toBeAttached();
    await editor.screenshot('canvas-demo');

    await test.step('the inspector edits a cohort split with a live 100% check', async () => {
      await editor.selectNode('cross_sell_split');
      await expect(inspector.armsTotal).toHaveAttribute('data-ok', 'true');
      await inspector.root.getByLabel('Arm 1: percent').fill('80');
      await expect(inspector.armsTotal).toHaveAttribute('data-ok', 'false');
      await expect(inspector.armsTotal).toContainText('must add up to 100');
      await expect(editor.problemBadge('cross_sell_split')).toBeVisible();
      await inspector.root.getByTestId('add-arm').click();
      await inspector.root.getByLabel('Arm 2: percent').fill('10');
      await expect(inspector.armsTotal).toHaveAttribute('data-ok', 'true');
      // The new arm is a new port: unwired until connected.
      await expect(editor.port('cross_sell_split', 'variant_a')).toBeVisible();
      await expect(editor.problemBadge('cross_sell_split')).toHaveAttribute('data-count', '1');
      await editor.screenshot('inspector-cohort');
      await inspector.root.getByLabel('Remove arm 2').click();
      await inspector.root.getByLabel('Arm 1: percent').fill('90');
      await expect(editor.problemBadge('cross_sell_split')).toHaveCount(0);
    });

    await test.step('the wait switches mode; time of day is a time input', async () => {
      await editor.selectNode('day14');
      await expect(inspector.field('at').locator('input[type="time"]')).toHaveValue('10:00');
      await inspector.setMode('duration');
      await inspector.setDuration('duration', 13, 'days');
      await expect(editor.node('day14')).toContainText('wait 13 days');
      await editor.selectNode('is_cod');
      await expect(inspector.rule(0).locator('[data-part="value"]')).toHaveValue('cod');
      await editor.screenshot('inspector');
    });

    await test.step('the draft differs from the live version and saves itself', async () => {
      await expect(editor.draftState).toHaveAttribute('data-state', 'changed');
      await editor.waitSaved();
      await page.reload();
      await editor.waitForCanvas();
      await expect(editor.node('day14')).toContainText('wait 13 days');
    });

    await test.step('publishing v2 shows who is inside v1 and that they stay there', async () => {
      await expect
        .poll(
          async () => {
            const res = await page.request.get(`/api/journeys/${id}/stats`);
            const body = (await res.json()) as { nodes: { waitingNow: number }[] };
            return body.nodes.reduce((sum, n) => sum + n.waitingNow, 0);
          },
          { timeout: 30_000 },
        )
        .toBeGreaterThan(0);
      await editor.publishButton.click();
      const dialog = page.getByTestId('publish-dialog');
      await expect(dialog.getByTestId('publish-inside-version')).toHaveAttribute(
        'data-version',
        '1',
      );
      await expect(dialog.getByTestId('publish-inside-version')).toContainText('Delivered?');
      await expect(dialog.getByTestId('publish-stay')).toContainText(
        'on the version they entered with',
      );
      await editor.screenshot('publish-dialog');
      await dialog.getByTestId('publish-by').fill('e2e');
      await dialog.getByTestId('publish-confirm').click();
      await expect(dialog).toBeHidden();
      await expect(editor.liveVersion).toHaveText('v2');
      await expect(editor.draftState).toHaveAttribute('data-state', 'same');
    });

    await test.step('an old version opens read-only and can be restored as the draft', async () => {
      await editor.openTab('versions');
      await expect(page.getByTestId('version-item')).toHaveCount(2);
      await page
        .locator('[data-testid="version-item"][data-version="1"]')
        .getByTestId('open-version')
        .click();
      await expect(page.getByTestId('read-only-banner')).toContainText('version 1');
      await editor.waitForCanvas();
      await expect(editor.node('day14')).toContainText('until day 14');
      await expect(page.getByTestId('palette')).toHaveCount(0);
      await expect(editor.publishButton).toHaveCount(0);
      page.once('dialog', (d) => void d.accept());
      await page.getByTestId('restore-version').click();
      await expect(page.getByTestId('read-only-banner')).toHaveCount(0);
      await editor.waitForCanvas();
      await expect(editor.node('day14')).toContainText('until day 14');
      await expect(editor.liveVersion).toHaveText('v2');
      await expect(editor.draftState).toHaveAttribute('data-state', 'changed');
    });
  });

  test('creates journeys from the list: blank, or from the 45-day playbook', async ({
    journeysPage,
    canvasEditor: editor,
    page,
  }) => {
    await journeysPage.open();
    await page.getByTestId('new-journey').click();
    await page.getByTestId('new-blank').click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    await editor.waitForCanvas();
    await expect(page.getByTestId('canvas-empty')).toBeVisible();
    await expect(editor.publishButton).toBeDisabled();

    await journeysPage.open();
    await page.getByTestId('new-journey').click();
    await page.getByTestId('new-from-playbook').click();
    await page.waitForURL(/\/journeys\/[0-9a-f-]{36}$/);
    await editor.waitForCanvas();
    expect(await editor.nodeCount()).toBe(postPurchase45.nodes.length);
    await expect(editor.publishButton).toBeEnabled();
  });

  test('copy / paste between journeys, export and import round-trip', async ({
    api,
    canvasEditor: editor,
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const source = await api.createJourney({ ...postPurchase45, name: `Source · e2e ${stamp()}` });
    const target = await api.createJourney({ name: `Target · e2e ${stamp()}`, nodes: [] });
    created.push(source, target);

    await editor.open(source);
    await editor.node('is_cod').click();
    await editor.node('cod_reassure').click({ modifiers: ['Shift'] });
    await editor.copy();
    await expect(editor.toasts.last()).toContainText('Copied 2 items');

    await editor.open(target);
    await editor.clickEmptyCanvas();
    await editor.paste();
    await expect(editor.nodes).toHaveCount(2);
    await expect(editor.node('is_cod')).toBeVisible();
    await expect(editor.edge('is_cod', 'yes')).toHaveCount(1);
    await editor.deleteSelection();
    await expect(editor.nodes).toHaveCount(0);
    await editor.undo();
    await expect(editor.nodes).toHaveCount(2);

    await editor.open(source);
    const download = page.waitForEvent('download');
    await page.getByTestId('journey-menu').click();
    await page.getByTestId('export-json').click();
    const file = testInfo.outputPath('exported.journey.json');
    await (await download).saveAs(file);
    const exported = await readFile(file, 'utf8');
    expect(JSON.parse(exported)).toEqual(await api.journeyDocument(source));

    await editor.open(target);
    await page.getByTestId('import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"name": "x", "nodes": [{"id": "a b"}]}'),
    });
    await expect(page.getByTestId('import-errors')).toContainText('nodes.0.id');
    await page.getByTestId('import-errors').getByRole('button', { name: 'OK' }).click();
    await page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => editor.nodeCount()).toBe(postPurchase45.nodes.length);
    await editor.waitSaved();
    const reimported = await api.journeyDocument(target);
    expect(reimported).toEqual(JSON.parse(exported));
  });
});
