import type { ProviderMessage } from '../../channel-adapter';

/** A resolved utility message for adapter tests; override what the test is about. */
export function providerMessage(overrides: Partial<ProviderMessage> = {}): ProviderMessage {
  return {
    idempotencyKey: 'run-1:send-1:whatsapp',
    channel: 'whatsapp',
    recipient: '+919812345678',
    category: 'utility',
    templateName: 'order_shipped',
    language: 'hi',
    parameters: ['Asha', '1001'],
    variables: { name: 'Asha', orderId: '1001' },
    body: 'नमस्ते Asha, आपका ऑर्डर 1001 भेज दिया गया है।',
    ...overrides,
  };
}
