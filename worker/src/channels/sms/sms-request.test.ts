import { describe, expect, it } from 'vitest';
import { ProviderError } from '../channel-adapter';
import { providerMessage } from '../shared/testing/provider-message';
import type { SmsConfig } from './sms-config';
import { smsMessageType, smsRequestFields } from './sms-request';

const config: SmsConfig = {
  baseUrl: 'http://gupshup.test/GatewayAPI/rest',
  dltEntityId: '1201159123456789012',
  transactional: { userId: '2000111', password: 'tx-pw', senderId: 'BRANDX' },
  promotional: { userId: '2000222', password: 'promo-pw', senderId: '561234' },
};

const sms = (overrides = {}) =>
  providerMessage({
    channel: 'sms',
    body: 'Your order 1001 has shipped. -Brand',
    dltTemplateId: '1207161234567890123',
    ...overrides,
  });

describe('smsRequestFields', () => {
  it('sends utility SMS on the transactional account with the DLT ids', () => {
    expect(smsRequestFields(sms(), config)).toEqual({
      method: 'SendMessage',
      send_to: '919812345678',
      msg: 'Your order 1001 has shipped. -Brand',
      msg_type: 'TEXT',
      userid: '2000111',
      password: 'tx-pw',
      auth_scheme: 'plain',
      v: '1.1',
      format: 'json',
      mask: 'BRANDX',
      principalEntityId: '1201159123456789012',
      dltTemplateId: '1207161234567890123',
    });
  });

  it('routes marketing SMS through the promotional account and header', () => {
    expect(smsRequestFields(sms({ category: 'marketing' }), config)).toMatchObject({
      userid: '2000222',
      password: 'promo-pw',
      mask: '561234',
    });
  });

  it('refuses, permanently, marketing without a promotional route and content without a DLT id', () => {
    const noPromo = { ...config, promotional: undefined };
    for (const attempt of [
      () => smsRequestFields(sms({ category: 'marketing' }), noPromo),
      () => smsRequestFields(sms({ dltTemplateId: undefined }), config),
    ]) {
      expect(attempt).toThrow(ProviderError);
      try {
        attempt();
      } catch (error) {
        expect(error).toMatchObject({ retryable: false });
      }
    }
  });

  it('sends Indic text as Unicode_text', () => {
    expect(smsMessageType('नमस्ते Asha')).toBe('Unicode_text');
    expect(smsMessageType('Pay ₹499')).toBe('Unicode_text');
    expect(smsMessageType('Hello Asha\nOrder 1001')).toBe('TEXT');
  });
});
