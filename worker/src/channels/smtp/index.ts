// Email over SMTP (nodemailer), with RFC 8058 one-click unsubscribe (docs/channels.md).
export { createSmtpAdapter } from './smtp-adapter';
export { smtpConfigFromEnv, smtpEnvSchema, type SmtpConfig } from './smtp-config';
export { classifySmtpError } from './smtp-errors';
export { smtpMail, unsubscribeHeaders } from './smtp-message';
