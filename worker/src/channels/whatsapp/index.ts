// WhatsApp Cloud API: the adapter the worker sends with (docs/channels.md).
export { createWhatsAppAdapter } from './whatsapp-adapter';
export { whatsAppConfigFromEnv, whatsAppEnvSchema, type WhatsAppConfig } from './whatsapp-config';
export {
  classifyWhatsAppError,
  WHATSAPP_MARKETING_LIMIT,
  WHATSAPP_MARKETING_OPT_OUT,
  WHATSAPP_UNDELIVERABLE,
} from './whatsapp-errors';
export { whatsAppRequestBody } from './whatsapp-request';
