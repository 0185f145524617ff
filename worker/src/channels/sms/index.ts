// SMS through the Gupshup Enterprise SMS API with DLT fields (docs/channels.md).
export { createSmsAdapter } from './sms-adapter';
export { smsConfigFromEnv, smsEnvSchema, type SmsConfig } from './sms-config';
export { smsRequestFields, smsMessageType } from './sms-request';
