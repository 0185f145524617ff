// Replies that withdraw marketing consent on the channel they arrive on (WhatsApp / SMS STOP).

const STOP_WORDS = new Set([
  'stop',
  'stop all',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'opt out',
  'optout',
  'रोकें',
  'रोको',
  'बंद',
  'बंद करें',
  'बंद करो',
]);

/**
 * True when an inbound reply is an opt-out keyword (STOP, UNSUBSCRIBE, रोकें…): the whole
 * message, ignoring case, spacing and punctuation — "stop by the store" is not an opt-out.
 * @example isStopReply('  Stop! ') // true
 */
export function isStopReply(text: string): boolean {
  const normalized = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return STOP_WORDS.has(normalized);
}
