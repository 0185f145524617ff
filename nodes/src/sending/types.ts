// The vocabulary of the send rules: pure data, shared by the worker's pipeline and the simulator.

export const SEND_CHANNELS = ['whatsapp', 'email', 'sms', 'push'] as const;
export type SendChannel = (typeof SEND_CHANNELS)[number];

export const SEND_CATEGORIES = ['utility', 'marketing', 'authentication'] as const;
export type SendCategory = (typeof SEND_CATEGORIES)[number];

/** Consent is given per channel and purpose (DPDP); authentication counts as utility. */
export const CONSENT_PURPOSES = ['utility', 'marketing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** What a node does when a send falls in quiet hours (or outside promotional SMS hours). */
export const QUIET_HOURS_ACTIONS = ['wait', 'skip'] as const;
export type QuietHoursAction = (typeof QUIET_HOURS_ACTIONS)[number];

/** A journey's claim on the frequency cap: `low` leaves the last slot to `normal` journeys. */
export const SEND_PRIORITIES = ['normal', 'low'] as const;
export type SendPriority = (typeof SEND_PRIORITIES)[number];

/** Why a send was stopped, delayed or redirected; stored in send_decisions.rule. */
export type SendRule =
  | 'consent'
  | 'suppression'
  | 'no_recipient'
  | 'whatsapp_window'
  | 'quiet_hours'
  | 'promo_sms_hours'
  | 'frequency_cap'
  | 'whatsapp_marketing_limit'
  | 'provider';

/** One stored consent: granted or withdrawn, for a channel and purpose. */
export interface ConsentState {
  channel: string;
  purpose: string;
  granted: boolean;
  source?: string;
}

/** Brand-wide settings (the send_settings row). Quiet hours are local HH:MM and may wrap midnight. */
export interface SendPolicy {
  frequencyCap: number;
  frequencyWindowDays: number;
  quietHoursStart: string;
  quietHoursEnd: string;
}

/** DOMAIN.md §5 defaults: ≤ 3 marketing messages per 7 days, quiet 21:00–09:00. */
export const DEFAULT_SEND_POLICY: SendPolicy = {
  frequencyCap: 3,
  frequencyWindowDays: 7,
  quietHoursStart: '21:00',
  quietHoursEnd: '09:00',
};

/** Everything the rules decide from; the pipeline loads it, the simulator makes it up. */
export interface SendRuleInput {
  /** Epoch ms: the journey's (possibly virtual) time of the send. */
  now: number;
  channel: SendChannel;
  category: SendCategory;
  /** IANA zone of the customer, e.g. Asia/Kolkata. */
  timeZone: string;
  /** The customer's consents (any channels; the rules pick this channel's). */
  consents: ConsentState[];
  /** Reasons to message nobody (pending erasure) or no promotional SMS (DND registry). */
  suppression?: { pendingErasure?: boolean; dnd?: boolean };
  /** WhatsApp only: the last inbound message and whether the node asked for free-form text. */
  lastInboundAt?: number | null;
  freeForm?: boolean;
  /** False when the send has no approved template to fall back on outside the 24-hour window. */
  hasTemplate?: boolean;
  quietHours: QuietHoursAction;
  priority: SendPriority;
  policy: SendPolicy;
  /** Marketing messages this customer got (any journey, any channel) in the cap's window. */
  marketingInWindow: number;
}

/** What the rules decide. `send` says whether WhatsApp may use free-form text. */
export type SendVerdict =
  | { action: 'send'; mode: 'template' | 'free_form' }
  | { action: 'skip'; rule: SendRule; reason: string }
  | { action: 'defer'; rule: SendRule; reason: string; until: number };

/** A rule either lets the send go on (undefined) or stops or delays it. */
export type RuleOutcome = Exclude<SendVerdict, { action: 'send' }> | undefined;
