import type { JourneyDocumentInput } from '@yatra/nodes';
import { expect, test } from './fixtures';
import { OutboxPreviewsPage } from './pages/outbox-page';

// The outbox as people look at it: a WhatsApp message with the video a journey just rendered
// (its thumbnail as the poster), an email with subject and unsubscribe footer, an SMS with sender
// and DLT id, and a marketing send the consent rule stopped, greyed with its reason. Templates
// and the journey are created through the API with this run's own ids.
test.describe('outbox previews', () => {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const customerId = `e2e-outbox-${stamp}`;
  const trigger = `e2e.outbox_${stamp}`;
  const id = {
    video: `e2e_video_${stamp}`,
    email: `e2e_email_${stamp}`,
    sms: `e2e_sms_${stamp}`,
    promo: `e2e_promo_${stamp}`,
  };
  const variant = (body: string, extra: Record<string, unknown> = {}) => ({
    language: 'en',
    body,
    ...extra,
  });
  const templates = [
    {
      id: id.video,
      name: 'Your order video',
      channel: 'whatsapp',
      category: 'utility',
      variables: ['name', 'video', 'thumbnail'],
      variants: [
        variant('Hi {{name}}, here is a short video about your order', {
          headerMedia: { kind: 'video', url: 'https://media.yatra.example/sample.mp4' },
        }),
      ],
    },
    {
      id: id.email,
      name: 'Order confirmation (email)',
      channel: 'email',
      category: 'utility',
      variables: ['name', 'orderId'],
      variants: [
        variant(
          'Hi {{name}},\n\nThank you for order {{orderId}}. We will write again when it ships.',
          {
            subject: 'Order {{orderId}} is confirmed',
          },
        ),
      ],
    },
    {
      id: id.sms,
      name: 'Order shipped (SMS)',
      channel: 'sms',
      category: 'utility',
      variables: ['name', 'orderId'],
      variants: [
        variant('Hi {{name}}, order {{orderId}} has shipped. -YATRA', {
          dltTemplateId: '1107161234567890123',
        }),
      ],
    },
    {
      id: id.promo,
      name: 'Weekend offer',
      channel: 'whatsapp',
      category: 'marketing',
      variables: ['name'],
      variants: [variant('{{name}}, 20% off this weekend!')],
    },
  ];
  const send = (
    nodeId: string,
    channel: string,
    templateId: string,
    variables: Record<string, string>,
  ) => ({
    id: nodeId,
    type: 'message.send',
    config: {
      channel,
      templateId,
      category: templateId === id.promo ? 'marketing' : 'utility',
      variables,
    },
  });
  const journey: JourneyDocumentInput = {
    name: `Outbox previews · e2e ${stamp}`,
    nodes: [
      { id: 'start', type: 'trigger.event', config: { event: trigger, filters: [] } },
      {
        id: 'video',
        type: 'media.render_video',
        config: { templateId: 'order_confirmation', data: { name: '{{customer.name}}' } },
      },
      send('send_video', 'whatsapp', id.video, {
        name: '{{customer.name}}',
        video: '{{outputs.video.videoUrl}}',
        thumbnail: '{{outputs.video.thumbnailUrl}}',
      }),
      send('send_email', 'email', id.email, {
        name: '{{customer.name}}',
        orderId: '{{trigger.properties.orderId}}',
      }),
      send('send_sms', 'sms', id.sms, {
        name: '{{customer.name}}',
        orderId: '{{trigger.properties.orderId}}',
      }),
      send('send_promo', 'whatsapp', id.promo, { name: '{{customer.name}}' }),
      { id: 'end', type: 'flow.exit', config: {} },
    ],
    edges: [
      { source: 'start', sourcePort: 'next', target: 'video' },
      { source: 'video', sourcePort: 'next', target: 'send_video' },
      { source: 'video', sourcePort: 'fallback', target: 'send_email' },
      { source: 'send_video', sourcePort: 'next', target: 'send_email' },
      { source: 'send_email', sourcePort: 'next', target: 'send_sms' },
      { source: 'send_sms', sourcePort: 'next', target: 'send_promo' },
      { source: 'send_promo', sourcePort: 'next', target: 'end' },
    ],
  };
  let journeyId = '';

  test.afterAll(async ({ request }) => {
    if (journeyId) await request.post(`/api/journeys/${journeyId}/unpublish`);
    for (const t of Object.values(id)) await request.delete(`/api/templates/${t}`);
  });

  test('each channel as the customer sees it, and the send consent stopped', async ({
    api,
    request,
    page,
    canvasEditor,
  }) => {
    test.setTimeout(120_000);
    for (const template of templates) {
      const res = await request.post('/api/templates', { data: template });
      expect(res.status(), await res.text()).toBe(201);
    }
    const published = await api.publishedJourney(journey);
    journeyId = published.id;

    await test.step('the canvas header prices the journey per customer', async () => {
      await page.goto(`/journeys/${journeyId}`);
      await canvasEditor.waitForCanvas();
      // WhatsApp utility 0.115 + email 0.02 + SMS 0.18 (+ marketing WhatsApp 0.96 at worst;
      // typically the render succeeds, so the video message goes too).
      const cost = page.getByTestId('journey-cost');
      await expect(cost).toHaveAttribute(
        'data-worst-millipaise',
        String(11_500 + 2_000 + 18_000 + 96_000),
      );
      await expect(cost).toContainText('per customer');
      await canvasEditor.screenshot('canvas-cost');
    });

    await api.upsertCustomer({
      id: customerId,
      name: 'Asha Patil',
      phone: '+919820000101',
      email: 'asha.e2e@example.in',
      language: 'en',
      timeZone: 'Asia/Kolkata',
    });
    await api.postEvents({
      type: trigger,
      customerId,
      occurredAt: new Date().toISOString(),
      idempotencyKey: `${trigger}-1`,
      properties: { orderId: `E2E-${stamp}` },
    });

    const outbox = new OutboxPreviewsPage(page);
    const whatsapp = outbox.onChannel('whatsapp', customerId);
    const email = outbox.onChannel('email', customerId);
    const sms = outbox.onChannel('sms', customerId);
    const skipped = outbox.skipped(customerId);

    await test.step('all three messages and the stopped send arrive', async () => {
      await outbox.open(customerId);
      await outbox.waitFor(skipped, 60_000);
      await expect(whatsapp).toHaveCount(1);
      await expect(email).toHaveCount(1);
      await expect(sms).toHaveCount(1);
    });

    await test.step('WhatsApp: the rendered video with its thumbnail as poster', async () => {
      const video = whatsapp.locator('[data-testid="preview-media"][data-kind="video"] video');
      await expect(video).toHaveAttribute('src', /\/api\/media\/[0-9a-f]{64}\.mp4$/);
      await expect(video).toHaveAttribute('poster', /\/api\/media\/[0-9a-f]{64}\.jpg$/);
      await expect(whatsapp.getByTestId('preview-body')).toHaveText(
        'Hi Asha Patil, here is a short video about your order',
      );
      await expect(whatsapp.getByTestId('status-ticks')).toHaveAttribute(
        'data-status',
        /sent|delivered|read/,
      );
      await outbox.screenshotOf(whatsapp, 'outbox-whatsapp-video');
    });

    await test.step('email: subject, from, body and the unsubscribe footer', async () => {
      await expect(email.getByTestId('preview-subject')).toHaveText(
        `Order E2E-${stamp} is confirmed`,
      );
      await expect(email.getByTestId('preview-from')).not.toBeEmpty();
      await expect(email.getByTestId('preview-unsubscribe')).toContainText('Unsubscribe');
      await outbox.screenshotOf(email, 'outbox-email');
    });

    await test.step('SMS: sender id and DLT template id', async () => {
      await expect(sms.getByTestId('preview-sender')).not.toBeEmpty();
      await expect(sms.getByTestId('preview-dlt')).toHaveText('DLT 1107161234567890123');
      await expect(sms.getByTestId('preview-body')).toHaveText(
        `Hi Asha Patil, order E2E-${stamp} has shipped. -YATRA`,
      );
      await outbox.screenshotOf(sms, 'outbox-sms');
    });

    await test.step('the marketing send without consent is greyed, with its reason', async () => {
      await expect(skipped).toHaveAttribute('data-rule', 'consent');
      await expect(skipped).toHaveAttribute('data-template-id', id.promo);
      await expect(skipped.getByTestId('skipped-reason')).toContainText('marketing consent');
      await outbox.screenshot('outbox-previews');
    });

    await test.step('the templates registry and the price table', async () => {
      await page.goto('/templates');
      await expect(
        page.locator(`[data-testid="template-row"][data-template-id="${id.sms}"]`),
      ).toBeVisible();
      await outbox.screenshot('templates');
      await page.goto(`/templates/${id.email}`);
      await expect(page.getByTestId('template-preview').getByTestId('preview-subject')).toHaveText(
        'Order DEMO-1001 is confirmed',
      );
      await page.getByTestId('variant-body').fill('Hi {{name}}, your {{coupon}}');
      await expect(
        page.locator('[data-testid="field-error"][data-path="variants.0.body"]'),
      ).toContainText('{{coupon}} is not a declared variable');
      await expect(page.getByTestId('template-save')).toBeDisabled();
      await outbox.screenshot('template-editor');
      await page.getByTestId('variant-body').fill('Hi {{name}}, order {{orderId}} is on its way.');
      await page.getByTestId('template-save').click();
      await expect(page.getByTestId('template-status')).toHaveAttribute('data-status', 'saved');
      const saved = await request.get(`/api/templates/${id.email}`);
      expect(JSON.stringify(await saved.json())).toContain('order {{orderId}} is on its way.');
      await page.goto('/settings/costs');
      await expect(
        page.locator(
          '[data-testid="price-input"][data-channel="whatsapp"][data-category="marketing"]',
        ),
      ).toHaveValue('0.96');
      await outbox.screenshot('settings-costs');
      // A negative price is refused under its cell; a real one saves (and is put back after).
      const smsUtility = page.locator(
        '[data-testid="price-input"][data-channel="sms"][data-category="utility"]',
      );
      await smsUtility.fill('-1');
      await expect(page.getByTestId('prices-save')).toBeDisabled();
      await smsUtility.fill('0.2');
      await page.getByTestId('prices-save').click();
      await expect(page.getByTestId('prices-status')).toHaveAttribute('data-status', 'saved');
      const prices = await (await request.get('/api/settings/prices')).json();
      expect(JSON.stringify(prices)).toContain(
        '"channel":"sms","category":"utility","priceMillipaise":20000',
      );
      await smsUtility.fill('0.18');
      await page.getByTestId('prices-save').click();
      await expect(page.getByTestId('prices-status')).toHaveAttribute('data-status', 'saved');
    });
  });
});
