import { expect, test } from './fixtures';

// Custom node types from yatra.config.ts (the example package @acme/yatra-nodes) reach the
// canvas like built-ins: in the palette, with a form generated from their zod schema, validated
// by the server's compiler, and published. Real drag gesture, real generated form.
test.use({ viewport: { width: 1600, height: 1100 } });

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('custom node types on the canvas', () => {
  const created: string[] = [];
  test.afterAll(async ({ request }) => {
    for (const id of created) await request.post(`/api/journeys/${id}/unpublish`);
  });

  test('drags the Webhook node in, configures it through its generated form, publishes', async ({
    api,
    canvasEditor: editor,
    palette,
    inspector,
  }) => {
    test.setTimeout(120_000);
    const id = await api.createJourney({ name: `Webhook · e2e ${stamp()}`, nodes: [] });
    created.push(id);
    await editor.open(id);

    await test.step('both example custom nodes are in the palette', async () => {
      await expect(palette.item('acme.webhook')).toBeVisible();
      await expect(palette.item('acme.shopify_discount')).toBeVisible();
      // v1 stays registered for published journeys; the palette offers only the newest.
      await expect(palette.item('acme.shopify_discount')).toHaveCount(1);
      await palette.filter('webhook');
      await expect(palette.items).toHaveCount(1);
      await palette.filter('');
    });

    let trigger = '';
    let hook = '';
    let end = '';
    await test.step('drag a trigger, the webhook and an exit onto the canvas', async () => {
      trigger = await palette.dragToCanvas('trigger.event', { x: 500, y: 60 });
      await inspector.fill('event', 'order.placed');
      hook = await palette.dragToCanvas('acme.webhook', { x: 500, y: 200 });
      await inspector.expectNode(hook);
      end = await palette.dragToCanvas('flow.exit', { x: 500, y: 380 });
    });

    await test.step('the generated form edits the config, and the server validates it', async () => {
      await editor.selectNode(hook);
      await inspector.expectNode(hook);
      // Fields come from the node's zod schema: url, event, data, secretName, timeoutSeconds.
      for (const key of ['url', 'event', 'data', 'secretName', 'timeoutSeconds'])
        await expect(inspector.field(key)).toBeVisible();
      await inspector.fill('url', 'not a url');
      await expect(inspector.problems).toContainText('url');
      await expect(editor.problemBadge(hook)).toBeVisible();
      await inspector.fill('url', 'https://crm.example.com/hooks/yatra');
      await inspector.fill('event', 'crm.first_order');
      await inspector.setNumber('timeoutSeconds', 5);
      await expect(inspector.problems).not.toContainText('url');
    });

    await test.step('its three ports are handles; wiring them clears the problems', async () => {
      for (const port of ['sent', 'failed', 'timeout'])
        await expect(editor.port(hook, port)).toHaveCount(1);
      await editor.connect(trigger, 'next', hook);
      for (const port of ['sent', 'failed', 'timeout']) await editor.connect(hook, port, end);
      await expect.poll(() => editor.edgeCount()).toBe(4);
      await expect(editor.problemCount).toHaveText('0');
    });

    await test.step('the draft holds the config, and it publishes', async () => {
      await editor.waitSaved();
      expect(await api.journeyDocument(id)).toMatchObject({
        nodes: expect.arrayContaining([
          expect.objectContaining({
            id: hook,
            type: 'acme.webhook',
            version: 1,
            config: expect.objectContaining({
              url: 'https://crm.example.com/hooks/yatra',
              event: 'crm.first_order',
              timeoutSeconds: 5,
            }),
          }),
        ]),
      });
      expect(await editor.publish('e2e')).toBe(1);
    });
  });

  test('opening a draft written for v1 of a node migrates it to v2, undoably', async ({
    api,
    canvasEditor: editor,
    inspector,
  }) => {
    const shopUrl = 'https://acme.myshopify.com/admin/api/2024-10';
    const id = await api.createJourney({
      name: `Discount v1 · e2e ${stamp()}`,
      nodes: [
        {
          id: 'start',
          type: 'trigger.event',
          position: { x: 0, y: 0 },
          config: { event: 'order.delivered' },
        },
        {
          id: 'discount',
          type: 'acme.shopify_discount',
          version: 1,
          position: { x: 0, y: 200 },
          config: { shopUrl, percentOff: 15, prefix: 'VIP' },
        },
        { id: 'end', type: 'flow.exit', position: { x: 0, y: 400 } },
      ],
      edges: [
        { source: 'start', target: 'discount' },
        { source: 'discount', sourcePort: 'next', target: 'end' },
        { source: 'discount', sourcePort: 'failed', target: 'end' },
      ],
    });
    created.push(id);
    const discountNode = async () => {
      const document = await api.journeyDocument(id);
      const nodes: unknown = Reflect.get(Object(document), 'nodes');
      return Array.isArray(nodes) ? nodes.find((n) => Reflect.get(n, 'id') === 'discount') : null;
    };

    await editor.open(id);
    await expect(editor.toasts.filter({ hasText: 'Upgraded 1 step' })).toContainText(
      'discount (acme.shopify_discount v1 → v2). Undo with Ctrl+Z.',
    );
    await editor.selectNode('discount');
    await expect(inspector.field('value')).toBeVisible();
    expect(await inspector.value('value')).toBe('15');
    await expect(inspector.field('percentOff')).toHaveCount(0);
    await editor.waitSaved();
    await expect.poll(discountNode).toMatchObject({
      version: 2,
      config: { shopUrl, prefix: 'VIP', valueType: 'percentage', value: 15 },
    });

    await editor.undo();
    await expect
      .poll(discountNode)
      .toMatchObject({ version: 1, config: { shopUrl, percentOff: 15, prefix: 'VIP' } });
    await expect(editor.problemCount).toHaveText('0'); // v1 is still registered: it compiles
  });
});
