import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pushConfigFromEnv } from '../push/push-config';
import { smsConfigFromEnv } from '../sms/sms-config';
import { smtpConfigFromEnv } from '../smtp/smtp-config';
import { whatsAppConfigFromEnv } from '../whatsapp/whatsapp-config';
import { testServiceAccount } from './testing/service-account';

// Every adapter reads its own variables: unset = sandbox (null), partly set = one error naming
// each variable at fault, fully set = a config with documented defaults.

describe('adapter settings from the environment', () => {
  it('answers null for every channel when nothing is configured (or only empty values)', () => {
    const env = { YATRA_WHATSAPP_TOKEN: '', YATRA_SMTP_URL: '  ' };
    expect(whatsAppConfigFromEnv(env)).toBeNull();
    expect(smtpConfigFromEnv(env)).toBeNull();
    expect(smsConfigFromEnv(env)).toBeNull();
    expect(pushConfigFromEnv(env)).toBeNull();
  });

  it('WhatsApp: defaults the Graph origin and version; names the missing phone number id', () => {
    expect(
      whatsAppConfigFromEnv({ YATRA_WHATSAPP_TOKEN: 't', YATRA_WHATSAPP_PHONE_NUMBER_ID: '1065' }),
    ).toEqual({
      token: 't',
      phoneNumberId: '1065',
      baseUrl: 'https://graph.facebook.com',
      apiVersion: 'v23.0',
    });
    expect(() => whatsAppConfigFromEnv({ YATRA_WHATSAPP_TOKEN: 't' })).toThrow(
      /YATRA_WHATSAPP_PHONE_NUMBER_ID: missing/,
    );
    expect(() =>
      whatsAppConfigFromEnv({
        YATRA_WHATSAPP_TOKEN: 't',
        YATRA_WHATSAPP_PHONE_NUMBER_ID: '+91 98123',
        YATRA_WHATSAPP_API_VERSION: '23',
      }),
    ).toThrow(/YATRA_WHATSAPP_PHONE_NUMBER_ID: .*numeric.*YATRA_WHATSAPP_API_VERSION/);
  });

  it('SMTP: needs a smtp(s) URL and a sender', () => {
    expect(
      smtpConfigFromEnv({
        YATRA_SMTP_URL: 'smtps://u:p@mail.brand.in:465',
        YATRA_SMTP_FROM: 'Brand <hello@brand.in>',
        YATRA_SMTP_UNSUBSCRIBE_MAILTO: 'unsubscribe@brand.in',
      }),
    ).toEqual({
      url: 'smtps://u:p@mail.brand.in:465',
      from: 'Brand <hello@brand.in>',
      unsubscribeMailto: 'unsubscribe@brand.in',
    });
    expect(() => smtpConfigFromEnv({ YATRA_SMTP_URL: 'https://mail.brand.in' })).toThrow(
      /YATRA_SMTP_URL: an smtp:\/\/ or smtps:\/\/ URL.*YATRA_SMTP_FROM: missing/,
    );
  });

  it('SMS: the transactional account with DLT ids; the promotional route all-or-nothing', () => {
    const base = {
      YATRA_SMS_USER_ID: '2000123456',
      YATRA_SMS_PASSWORD: 'pw',
      YATRA_SMS_SENDER_ID: 'BRANDX',
      YATRA_SMS_DLT_ENTITY_ID: '1201159123456789012',
    };
    expect(smsConfigFromEnv(base)).toEqual({
      baseUrl: 'https://enterprise.smsgupshup.com/GatewayAPI/rest',
      dltEntityId: '1201159123456789012',
      transactional: { userId: '2000123456', password: 'pw', senderId: 'BRANDX' },
    });
    expect(() => smsConfigFromEnv({ ...base, YATRA_SMS_PROMO_USER_ID: '2000999' })).toThrow(
      /YATRA_SMS_PROMO_\*: set all of/,
    );
    expect(() => smsConfigFromEnv({ YATRA_SMS_USER_ID: '2000123456' })).toThrow(
      /YATRA_SMS_PASSWORD: missing.*YATRA_SMS_SENDER_ID: missing.*YATRA_SMS_DLT_ENTITY_ID: missing/,
    );
  });

  it('Push: reads the service-account key from a file or inline JSON and checks its fields', () => {
    const { account } = testServiceAccount();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'yatra-push-')), 'key.json');
    writeFileSync(file, JSON.stringify(account));
    expect(pushConfigFromEnv({ YATRA_PUSH_SERVICE_ACCOUNT: file })).toMatchObject({
      projectId: 'brand-app',
      fcmUrl: 'https://fcm.googleapis.com',
      tokenUri: 'https://oauth2.googleapis.com/token',
    });
    expect(
      pushConfigFromEnv({
        YATRA_PUSH_SERVICE_ACCOUNT: JSON.stringify(account),
        YATRA_PUSH_PROJECT_ID: 'other',
      })?.projectId,
    ).toBe('other');
    expect(() =>
      pushConfigFromEnv({
        YATRA_PUSH_SERVICE_ACCOUNT: JSON.stringify({ ...account, client_email: 'nope' }),
      }),
    ).toThrow(/YATRA_PUSH_SERVICE_ACCOUNT key file: client_email/);
    expect(() => pushConfigFromEnv({ YATRA_PUSH_SERVICE_ACCOUNT: '/no/such/key.json' })).toThrow(
      /cannot read \/no\/such\/key.json/,
    );
  });
});
