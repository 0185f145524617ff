import { describe, expect, it } from 'vitest';
import { providerMessage } from '../shared/testing/provider-message';
import { classifySmtpError } from './smtp-errors';
import { messageIdFor, smtpMail, unsubscribeHeaders } from './smtp-message';

const config = {
  url: 'smtp://localhost:2525',
  from: 'Brand <hello@brand.in>',
  unsubscribeMailto: 'unsubscribe@brand.in',
};

const email = (overrides = {}) =>
  providerMessage({
    channel: 'email',
    recipient: 'asha@example.in',
    subject: 'Your order <1001> shipped',
    body: 'Hi Asha,\n\nYour order & gift are on the way.',
    unsubscribeUrl: 'https://brand.in/u/abc',
    ...overrides,
  });

describe('smtpMail', () => {
  it('builds subject, escaped HTML and text bodies, and one-click unsubscribe headers', () => {
    const mail = smtpMail(email(), config);
    expect(mail).toMatchObject({
      from: 'Brand <hello@brand.in>',
      to: 'asha@example.in',
      subject: 'Your order <1001> shipped',
      headers: {
        'List-Unsubscribe':
          '<https://brand.in/u/abc>, <mailto:unsubscribe@brand.in?subject=unsubscribe>',
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(mail.text).toBe(
      'Hi Asha,\n\nYour order & gift are on the way.\n\nUnsubscribe: https://brand.in/u/abc',
    );
    expect(mail.html).toContain('<p>Hi Asha,</p><p>Your order &#38; gift are on the way.</p>');
    expect(mail.html).toContain('<a href="https://brand.in/u/abc">Unsubscribe</a>');
  });

  it('derives a stable Message-ID from the idempotency key, so a retry repeats it', () => {
    const id = messageIdFor('run-1:send-1:email', config.from);
    expect(id).toMatch(/^<[0-9a-f]{32}@brand\.in>$/);
    expect(messageIdFor('run-1:send-1:email', config.from)).toBe(id);
    expect(messageIdFor('run-2:send-1:email', config.from)).not.toBe(id);
  });

  it('adds the one-click Post header only with an https URL (RFC 8058)', () => {
    expect(unsubscribeHeaders(undefined, 'u@brand.in')).toEqual({
      'List-Unsubscribe': '<mailto:u@brand.in?subject=unsubscribe>',
    });
    expect(unsubscribeHeaders('http://brand.in/u', undefined)).toEqual({});
  });

  it('shows an image as the hero and links a video', () => {
    const img = smtpMail(email({ media: { kind: 'image', url: 'https://cdn/i.png' } }), config);
    expect(img.html).toContain('<img src="https://cdn/i.png"');
    const video = smtpMail(email({ media: { kind: 'video', url: 'https://cdn/v.mp4' } }), config);
    expect(video.html).toContain('<a href="https://cdn/v.mp4">Watch the video</a>');
  });
});

describe('classifySmtpError', () => {
  const smtpError = (props: Record<string, unknown>) => Object.assign(new Error('x'), props);
  it.each([
    [{ responseCode: 421, code: 'EENVELOPE' }, true, '421'],
    [{ responseCode: 452, code: 'EENVELOPE' }, true, '452'],
    [{ responseCode: 550, code: 'EENVELOPE' }, false, '550'],
    [{ responseCode: 535, code: 'EAUTH' }, false, '535'],
    [{ code: 'ECONNECTION' }, true, 'ECONNECTION'],
    [{ code: 'ETIMEDOUT' }, true, 'ETIMEDOUT'],
    [{ code: 'ETLS' }, false, 'ETLS'],
    [{}, false, 'unknown'],
  ])('%o → retryable %s, code %s', (props, retryable, code) => {
    const error = classifySmtpError(smtpError(props));
    expect(error.retryable).toBe(retryable);
    expect(error.code).toBe(code);
  });
});
