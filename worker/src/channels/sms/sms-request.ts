import { ProviderError, type ProviderMessage } from '../channel-adapter';
import type { SmsAccount, SmsConfig } from './sms-config';

/** Marketing goes on the promotional route; utility and authentication on the transactional one. */
export function smsRoute(message: ProviderMessage, config: SmsConfig): SmsAccount {
  if (message.category !== 'marketing') return config.transactional;
  if (config.promotional) return config.promotional;
  throw new ProviderError(
    'SMS: a marketing message needs the promotional route (YATRA_SMS_PROMO_*), which is not configured',
    { retryable: false, code: 'no_promotional_route' },
  );
}

/** GSM-7 covers plain Latin text; anything else (Devanagari, ₹, emoji) goes as Unicode_text. */
export function smsMessageType(body: string): 'TEXT' | 'Unicode_text' {
  return /^[\x20-\x7e\r\n]*$/.test(body) ? 'TEXT' : 'Unicode_text';
}

/**
 * The form fields of Gupshup's `method=SendMessage`: the account of the message's route, its
 * DLT header (`mask`), the principal entity id and the message's DLT content template id.
 * @example new URLSearchParams(smsRequestFields(message, config)).toString()
 */
export function smsRequestFields(
  message: ProviderMessage,
  config: SmsConfig,
): Record<string, string> {
  if (!message.dltTemplateId)
    throw new ProviderError(
      `SMS: template ${message.templateName} has no DLT template id; operators reject unregistered content`,
      { retryable: false, code: 'no_dlt_template' },
    );
  const account = smsRoute(message, config);
  return {
    method: 'SendMessage',
    send_to: message.recipient.replace(/^\+/, ''),
    msg: message.body,
    msg_type: smsMessageType(message.body),
    userid: account.userId,
    password: account.password,
    auth_scheme: 'plain',
    v: '1.1',
    format: 'json',
    mask: account.senderId,
    principalEntityId: config.dltEntityId,
    dltTemplateId: message.dltTemplateId,
  };
}
