import { describe, expect, it } from 'vitest';
import { providerMessage } from '../shared/testing/provider-message';
import { templateParameterText, whatsAppRequestBody } from './whatsapp-request';

describe('whatsAppRequestBody', () => {
  it('sends an approved template with language, video header and ordered body parameters', () => {
    const body = whatsAppRequestBody(
      providerMessage({ media: { kind: 'video', url: 'https://cdn.brand.in/v/abc.mp4' } }),
    );
    expect(body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919812345678',
      biz_opaque_callback_data: 'run-1:send-1:whatsapp',
      type: 'template',
      template: {
        name: 'order_shipped',
        language: { code: 'hi' },
        components: [
          {
            type: 'header',
            parameters: [{ type: 'video', video: { link: 'https://cdn.brand.in/v/abc.mp4' } }],
          },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Asha' },
              { type: 'text', text: '1001' },
            ],
          },
        ],
      },
    });
  });

  it('leaves out components a template without header or parameters does not take', () => {
    const body = whatsAppRequestBody(providerMessage({ parameters: [], language: 'en' }));
    expect(body).toMatchObject({
      type: 'template',
      template: { name: 'order_shipped', language: { code: 'en' } },
    });
    expect(body.type === 'template' && body.template.components).toBeFalsy();
  });

  it('sends free-form text inside the 24-hour window, media with the text as caption', () => {
    expect(whatsAppRequestBody(providerMessage({ freeForm: true, body: 'Thanks!' }))).toMatchObject(
      {
        type: 'text',
        text: { preview_url: false, body: 'Thanks!' },
      },
    );
    expect(
      whatsAppRequestBody(
        providerMessage({
          freeForm: true,
          body: 'Your order',
          media: { kind: 'image', url: 'https://cdn.brand.in/i.png' },
        }),
      ),
    ).toMatchObject({
      type: 'image',
      image: { link: 'https://cdn.brand.in/i.png', caption: 'Your order' },
    });
  });

  it('flattens new lines, tabs and long space runs that WhatsApp rejects in parameters', () => {
    expect(templateParameterText('12 Park St\nKolkata\t700016      India')).toBe(
      '12 Park St Kolkata 700016    India',
    );
  });
});
