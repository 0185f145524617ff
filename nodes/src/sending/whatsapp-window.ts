import { HOUR_MS } from '../contract/duration-math';
import type { SendRuleInput } from './types';

/** WhatsApp's customer-service window: free-form text only this long after the last inbound. */
export const WHATSAPP_WINDOW_MS = 24 * HOUR_MS;

/**
 * WhatsApp's 24-hour window. Free-form text may go only within 24 h of the customer's last
 * inbound message; otherwise the approved template goes instead. Our own messages never open
 * the window: only `lastInboundAt` (an inbound reply) counts.
 * @example whatsappMode({ ...input, freeForm: true, lastInboundAt: input.now - 3_600_000 }) // 'free_form'
 */
export function whatsappMode(
  input: Pick<SendRuleInput, 'channel' | 'now' | 'freeForm' | 'lastInboundAt' | 'hasTemplate'>,
): 'template' | 'free_form' | 'closed' {
  if (input.channel !== 'whatsapp' || !input.freeForm) return 'template';
  const last = input.lastInboundAt;
  const open = last !== undefined && last !== null && input.now - last < WHATSAPP_WINDOW_MS;
  if (open) return 'free_form';
  return input.hasTemplate === false ? 'closed' : 'template';
}
