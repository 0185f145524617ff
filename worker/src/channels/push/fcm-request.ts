import type { ProviderMessage } from '../channel-adapter';

/**
 * The body of FCM v1 `messages:send`: title (subject), body, image, and the deep link in the data
 * payload (the app routes it) plus, when it is https, as the web-push click target. iOS shows
 * images only with `mutable-content` and `fcm_options.image`.
 * @example fcmRequestBody({ ...message, subject: 'Shipped!', deepLink: 'brand://orders/1001' })
 */
export function fcmRequestBody(message: ProviderMessage) {
  const image = message.media?.kind === 'image' ? message.media.url : undefined;
  const link = message.deepLink;
  return {
    message: {
      token: message.recipient,
      notification: {
        ...(message.subject ? { title: message.subject } : {}),
        body: message.body,
        ...(image ? { image } : {}),
      },
      // FCM data values must be strings.
      data: {
        yatraKey: message.idempotencyKey,
        template: message.templateName,
        ...(link ? { deepLink: link } : {}),
        ...(message.media?.kind === 'video' ? { videoUrl: message.media.url } : {}),
      },
      android: { priority: message.category === 'marketing' ? 'normal' : 'high' },
      ...(image
        ? { apns: { payload: { aps: { 'mutable-content': 1 } }, fcm_options: { image } } }
        : {}),
      ...(link?.startsWith('https://') ? { webpush: { fcm_options: { link } } } : {}),
    },
  };
}
