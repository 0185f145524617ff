import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerMessage } from '../shared/testing/provider-message';
import { providerRejection } from '../shared/testing/rejection';
import { createSmtpAdapter } from './smtp-adapter';

// The adapter against a real SMTP server (smtp-server) on a local port, with authentication;
// each received message is parsed back with mailparser and its headers and bodies checked.

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  mail: ParsedMail;
}

const received: Received[] = [];
/** Reply codes the server gives for particular recipients, as real servers do. */
const REFUSE: Record<string, [number, string]> = {
  'full@example.in': [452, 'Mailbox full, try again later'],
  'gone@example.in': [550, 'No such user'],
};

let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'yatra' && auth.password === 's3cret')
        return callback(null, { user: auth.username });
      callback(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = REFUSE[address.address];
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal[1]), { responseCode: refusal[0] }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : undefined,
            mail,
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
});
afterAll(() => new Promise<void>((resolve) => server?.close(() => resolve())));

const adapter = (password = 's3cret') =>
  createSmtpAdapter({
    url: `smtp://yatra:${password}@127.0.0.1:${port}`,
    from: 'Brand <hello@brand.in>',
    unsubscribeMailto: 'unsubscribe@brand.in',
  });

const email = (recipient = 'asha@example.in') =>
  providerMessage({
    channel: 'email',
    category: 'marketing',
    recipient,
    subject: 'आपका ऑर्डर 1001 भेज दिया गया',
    body: 'Hi Asha,\n\nYour serum is on its way.',
    unsubscribeUrl: 'https://brand.in/unsubscribe/tok123',
    media: { kind: 'image', url: 'https://cdn.brand.in/hero.png' },
  });

const sendError = (recipient: string, password?: string) =>
  providerRejection(adapter(password).send(email(recipient)));

describe('SMTP adapter', () => {
  it('delivers subject, HTML and text bodies with one-click unsubscribe headers', async () => {
    const receipt = await adapter().send(email());
    expect(received).toHaveLength(1);
    const [{ from, to, user, mail }] = received as [Received];
    expect({ from, to, user }).toEqual({
      from: 'hello@brand.in',
      to: ['asha@example.in'],
      user: 'yatra',
    });
    expect(mail.subject).toBe('आपका ऑर्डर 1001 भेज दिया गया');
    expect(mail.from?.value).toEqual([{ name: 'Brand', address: 'hello@brand.in' }]);
    expect(mail.text).toContain('Your serum is on its way.');
    expect(mail.text).toContain('Unsubscribe: https://brand.in/unsubscribe/tok123');
    expect(mail.html).toContain('<img src="https://cdn.brand.in/hero.png"');
    // The raw headers, as mail clients read them (mailparser folds List-* into one object).
    const header = (key: string) =>
      mail.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(
      'List-Unsubscribe: <https://brand.in/unsubscribe/tok123>, <mailto:unsubscribe@brand.in?subject=unsubscribe>',
    );
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(receipt.providerMessageId).toMatch(/^<[0-9a-f]{32}@brand\.in>$/);
    expect(mail.messageId).toBe(receipt.providerMessageId);
  });

  it('sends a retried message with the same Message-ID', async () => {
    const first = await adapter().send(email('ravi@example.in'));
    const second = await adapter().send(email('ravi@example.in'));
    expect(second.providerMessageId).toBe(first.providerMessageId);
  });

  it('retries a 4xx reply and gives up on a 5xx reply', async () => {
    const count = received.length;
    expect(await sendError('full@example.in')).toMatchObject({ code: '452', retryable: true });
    expect(await sendError('gone@example.in')).toMatchObject({ code: '550', retryable: false });
    expect(received).toHaveLength(count);
  });

  it('gives up when the server refuses the credentials', async () => {
    expect(await sendError('asha@example.in', 'wrong')).toMatchObject({
      code: '535',
      retryable: false,
    });
  });

  it('retries when the server cannot be reached', async () => {
    const closed = createSmtpAdapter({ url: 'smtp://127.0.0.1:1', from: 'hello@brand.in' });
    expect(await providerRejection(closed.send(email()))).toMatchObject({ retryable: true });
  });
});
