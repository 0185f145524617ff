import {
  getMessageByKey,
  getSendDecision,
  insertMessageOnce,
  loadSendInputs,
  markMessageFailed,
  markMessageSent,
  setConsent,
  withCustomerSendLock,
  type Db,
  type Message,
  type SendInputs,
} from '@yatra/db';
import {
  DAY_MS,
  evaluateSendRules,
  signUnsubscribeToken,
  type ChannelAttempt,
  type CustomerSnapshot,
  type SendRule,
} from '@yatra/nodes';
import { ProviderError, type Channel, type ProviderMessage } from '../channels/channel-adapter';
import { WHATSAPP_MARKETING_LIMIT } from '../channels/whatsapp/whatsapp-errors';
import { classifyPermanent } from './classify';
import { effectiveCategory, resolveContent, type MessageContent } from './content';
import { recordDecision, type StepSend } from './decisions';

/** What one channel came to, and the outbox row it wrote (if any). */
export interface AttemptOutcome {
  attempt: ChannelAttempt;
  messageId: string | null;
}

const SENT_STATUSES = new Set(['sent', 'delivered', 'read']);

/** The address a channel sends to, from the run's customer snapshot. */
export function recipientFor(channel: Channel, customer: CustomerSnapshot): string | null {
  if (channel === 'email') return customer.email ?? null;
  if (channel === 'push') {
    const token = customer.attributes.pushToken;
    return typeof token === 'string' && token !== '' ? token : null;
  }
  return customer.phone ?? null;
}

const outcome = (attempt: ChannelAttempt, messageId: string | null = null): AttemptOutcome => ({
  attempt,
  messageId,
});

/**
 * One channel of a send, exactly once. The outbox row keyed (step, channel) is written as
 * `queued` before the provider is called and marked `sent` after, so a retry finds what the
 * last attempt got to: `sent` answers without calling the provider; `queued` (a crash between
 * the two writes) calls it again with the same idempotency key; `failed` goes on to the
 * fallback. WhatsApp's 131049 waits 24 h once, then tries a second row (`…:after-limit`).
 */
export function attemptChannel(
  step: StepSend,
  channel: Channel,
  fallbackOf: string | null,
): Promise<AttemptOutcome> {
  return attemptKey(step, channel, `${step.scope.idempotencyKey}:${channel}`, fallbackOf);
}

async function attemptKey(
  step: StepSend,
  channel: Channel,
  key: string,
  fallbackOf: string | null,
): Promise<AttemptOutcome> {
  const { db, scope, message } = step;
  const customer = scope.state.facts.customer;
  const query = {
    customerId: customer.id,
    channel,
    now: scope.at,
    messageKey: key,
    templateId: message.templateId,
  };
  // One round trip on the common path: the rules' inputs and whether a row exists already.
  const inputs = await loadSendInputs(db, query);
  if (inputs.existingStatus !== null) return resumeExisting(step, channel, key, fallbackOf);
  const category = effectiveCategory(message.category, inputs.templateCategory);

  const adapter = step.adapters[channel];
  // The sandbox stores a preview and needs no address; a real provider cannot deliver without one.
  if (!recipientFor(channel, customer) && adapter.provider !== 'sandbox') {
    const reason = `the customer has no ${channel} address`;
    const row = await recordDecision(step, channel, category, key, {
      decision: 'failed',
      rule: 'no_recipient',
      reason,
    });
    return outcome({ kind: 'undeliverable', rule: 'no_recipient', reason: row.reason });
  }
  // Marketing counts against the cap: decide and queue again under a per-customer lock, so two
  // journeys cannot both take the last slot. Other categories need no lock.
  const decided =
    category === 'marketing'
      ? await withCustomerSendLock(db, customer.id, async (tx) => {
          const locked = await loadSendInputs(tx, query);
          return locked.existingStatus === null
            ? decideAndQueue(tx, step, channel, key, fallbackOf, locked)
            : null;
        })
      : await decideAndQueue(db, step, channel, key, fallbackOf, inputs);
  if (!decided) return resumeExisting(step, channel, key, fallbackOf);
  if (decided.queued)
    return deliver(step, channel, key, decided.queued.row, decided.queued.content);
  const { verdict } = decided;
  if (verdict.action === 'skip') {
    const row = await recordDecision(step, channel, category, key, {
      decision: 'skipped',
      rule: verdict.rule,
      reason: verdict.reason,
    });
    return outcome({ kind: 'stopped', rule: verdict.rule, reason: row.reason });
  }
  await recordDecision(step, channel, category, key, {
    decision: 'deferred',
    rule: verdict.rule,
    reason: verdict.reason,
    until: new Date(verdict.until),
  });
  return outcome({ kind: 'deferred', ...verdict });
}

/** Evaluates the rules on `inputs` and, if the send may go, writes its row `queued`. */
async function decideAndQueue(
  tx: Db,
  step: StepSend,
  channel: Channel,
  key: string,
  fallbackOf: string | null,
  inputs: SendInputs,
) {
  const { scope, message } = step;
  const customer = scope.state.facts.customer;
  const category = effectiveCategory(message.category, inputs.templateCategory);
  const verdict = evaluateSendRules({
    now: scope.at.getTime(),
    channel,
    category,
    timeZone: customer.timeZone,
    consents: inputs.consents,
    suppression: { pendingErasure: inputs.pendingErasure, dnd: inputs.dnd },
    lastInboundAt: inputs.lastInboundAt,
    freeForm: message.freeForm !== undefined,
    hasTemplate: message.templateId !== '',
    quietHours: message.quietHours ?? 'wait',
    priority: message.priority ?? 'normal',
    policy: inputs.settings,
    marketingInWindow: inputs.marketingInWindow,
  });
  if (verdict.action !== 'send') return { verdict, queued: null };
  const registered = inputs.templateCategory !== null;
  const content = await resolveContent(tx, message, channel, scope.state.facts, registered);
  const freeForm = verdict.mode === 'free_form' && message.freeForm !== undefined;
  const { message: row } = await insertMessageOnce(tx, {
    idempotencyKey: key,
    runId: scope.state.run.runId,
    journeyId: scope.state.run.journeyId,
    nodeId: scope.nodeId,
    customerId: customer.id,
    channel,
    templateId: message.templateId,
    category: content.category,
    recipient: recipientFor(channel, customer),
    variables: content.variables,
    body: freeForm ? (message.freeForm ?? '') : content.body,
    language: content.language,
    status: 'queued',
    provider: step.adapters[channel].provider,
    fallbackOf,
    createdAt: scope.at,
  });
  return { verdict, queued: { row, content } };
}

/**
 * A row for this key exists: an earlier attempt got that far. After WhatsApp's 131049 and its
 * 24-hour wait, the one retry goes out on a row of its own.
 */
async function resumeExisting(
  step: StepSend,
  channel: Channel,
  key: string,
  fallbackOf: string | null,
): Promise<AttemptOutcome> {
  const { db, scope } = step;
  const row = await getMessageByKey(db, key);
  if (!row) throw new Error(`send ${key}: the outbox row vanished`);
  const limited = row.status === 'failed' && row.errorCode === WHATSAPP_MARKETING_LIMIT;
  if (limited && !key.endsWith(AFTER_LIMIT)) {
    const waited = await getSendDecision(db, `${key}:deferred:whatsapp_marketing_limit`);
    const until = waited?.until?.getTime();
    if (until !== undefined && until <= scope.at.getTime())
      return attemptKey(step, channel, `${key}${AFTER_LIMIT}`, fallbackOf);
  }
  const content = await resolveContent(db, step.message, channel, scope.state.facts);
  return resume(step, channel, key, row, content);
}

const AFTER_LIMIT = ':after-limit';

/** Carries on from an outbox row an earlier attempt (or this one) wrote. */
async function resume(
  step: StepSend,
  channel: Channel,
  key: string,
  row: Message,
  content: MessageContent,
): Promise<AttemptOutcome> {
  if (SENT_STATUSES.has(row.status))
    return outcome({ kind: 'sent', messageId: row.id, created: false }, row.id);
  if (row.status === 'failed')
    return onPermanent(step, channel, key, row, `provider error ${row.errorCode ?? 'unknown'}`);
  return deliver(step, channel, key, row, content);
}

/** Calls the provider for a queued row and records its answer. */
async function deliver(
  step: StepSend,
  channel: Channel,
  key: string,
  row: Message,
  content: MessageContent,
): Promise<AttemptOutcome> {
  const { db, scope, message } = step;
  const adapter = step.adapters[channel];
  const freeForm = message.freeForm !== undefined && row.body === message.freeForm;
  const providerMessage: ProviderMessage = {
    idempotencyKey: key,
    channel,
    recipient: row.recipient ?? '',
    category: content.category,
    templateName: content.templateName,
    language: content.language,
    parameters: content.parameters,
    variables: content.variables,
    body: row.body,
    ...(content.subject !== undefined ? { subject: content.subject } : {}),
    ...(content.media ? { media: content.media } : {}),
    ...(content.dltTemplateId ? { dltTemplateId: content.dltTemplateId } : {}),
    ...(freeForm ? { freeForm: true } : {}),
    ...(channel === 'email' ? await unsubscribeUrl(step) : {}),
  };
  let providerMessageId: string;
  try {
    ({ providerMessageId } = await adapter.send(providerMessage));
  } catch (error) {
    // Retryable (or unexpected) errors fail the attempt: the activity retries, the row stays queued.
    if (!(error instanceof ProviderError) || error.retryable) throw error;
    await markMessageFailed(db, row.id, {
      provider: adapter.provider,
      errorCode: error.code ?? null,
      at: scope.at,
    });
    return onPermanent(
      step,
      channel,
      key,
      { ...row, errorCode: error.code ?? null },
      error.message,
    );
  }
  await markMessageSent(db, row.id, {
    provider: adapter.provider,
    providerMessageId,
    at: scope.at,
  });
  return outcome({ kind: 'sent', messageId: row.id, created: true }, row.id);
}

async function unsubscribeUrl(step: StepSend): Promise<{ unsubscribeUrl?: string }> {
  if (!step.unsubscribe) return {};
  const customerId = step.scope.state.facts.customer.id;
  const token = await signUnsubscribeToken(
    { customerId, channel: 'email' },
    step.unsubscribe.secret,
  );
  return { unsubscribeUrl: `${step.unsubscribe.baseUrl}/api/unsubscribe?token=${token}` };
}

/**
 * A provider said no for good. An opt-out withdraws consent and stops; WhatsApp's per-user
 * marketing limit waits 24 h once (a second 131049 stops: never loop); anything else is
 * undeliverable on this channel, so the fallback chain may go on.
 */
async function onPermanent(
  step: StepSend,
  channel: Channel,
  key: string,
  row: Message,
  detail: string,
): Promise<AttemptOutcome> {
  const { db, scope } = step;
  const code = row.errorCode ?? undefined;
  const category = row.category;
  const record = (decision: string, rule: SendRule, reason: string, until?: Date) =>
    recordDecision(step, channel, category, key, { decision, rule, reason, until });
  switch (classifyPermanent(channel, code)) {
    case 'opt_out': {
      await setConsent(db, {
        customerId: scope.state.facts.customer.id,
        channel,
        purpose: 'marketing',
        granted: false,
        source: 'provider',
        detail: { code, messageId: row.id },
        at: scope.at,
      });
      const reason = `opted out of marketing on ${channel} (provider error ${code})`;
      const saved = await record('skipped', 'consent', reason);
      return outcome({ kind: 'stopped', rule: 'consent', reason: saved.reason }, row.id);
    }
    case 'marketing_limit': {
      const rule = 'whatsapp_marketing_limit';
      if (key.endsWith(AFTER_LIMIT)) {
        const reason = `per-user marketing limit (${code}) again after waiting 24 h: not retried`;
        const saved = await record('skipped', rule, reason);
        return outcome({ kind: 'stopped', rule, reason: saved.reason }, row.id);
      }
      const until = new Date(scope.at.getTime() + DAY_MS);
      const reason = `per-user marketing limit (${code}): tries once more after 24 h`;
      const saved = await record('deferred', rule, reason, until);
      const at = saved.until?.getTime() ?? until.getTime();
      return outcome({ kind: 'deferred', rule, reason: saved.reason, until: at }, row.id);
    }
    case 'undeliverable': {
      const saved = await record('failed', 'provider', detail);
      return outcome({ kind: 'undeliverable', rule: 'provider', reason: saved.reason }, row.id);
    }
  }
}
