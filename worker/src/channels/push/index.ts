// App push through Firebase Cloud Messaging HTTP v1 (docs/channels.md).
export { createPushAdapter } from './push-adapter';
export {
  pushConfigFromEnv,
  pushEnvSchema,
  serviceAccountSchema,
  type PushConfig,
} from './push-config';
export { classifyFcmError } from './fcm-errors';
export { fcmRequestBody } from './fcm-request';
export { FCM_SCOPE, serviceAccountAssertion } from './fcm-token';
