// The QA layer of the journey test environment: customers ("personas"), events scheduled on
// virtual days, one fast-forward that plays them in time order, and the timeline and outbox
// stamped with the virtual day each thing happened on. Day 0 is the environment's `day0`.
import {
  setConsent,
  upsertCustomer,
  type CustomerTimeline,
  type JourneyRun,
  type Message,
  type PoolDb,
} from '@yatra/db';
import { customerProfileSchema } from '@yatra/nodes/contract/event-input';
import { DAY_MS } from '@yatra/nodes/contract/durations';
import { daysBetween, isValidTimeZone } from '@yatra/nodes/contract/time-zones';
import { CONSENT_PURPOSES } from '@yatra/nodes/sending/types';
import { z } from 'zod';

/** An event as `env.send()` takes it. */
export interface SendableEvent {
  type: string;
  customerId: string;
  occurredAt?: string;
  idempotencyKey?: string;
  properties?: Record<string, unknown>;
}

/** An event of a persona, addressed when it is scheduled. */
export type PersonaEventInput = Omit<SendableEvent, 'customerId'>;

/** What the script needs from the environment underneath. */
export interface ScriptCore {
  db: PoolDb;
  /** The virtual clock, epoch ms. */
  now(): Promise<number>;
  send(...events: SendableEvent[]): Promise<void>;
  sleepUntil(epochMs: number): Promise<void>;
  runs(customerId: string): Promise<JourneyRun[]>;
  messages(customerId: string): Promise<Message[]>;
  timeline(customerId: string): Promise<CustomerTimeline>;
}

const customerSeedSchema = z.strictObject({
  ...customerProfileSchema.shape,
  id: z.string().min(1).max(128),
  timeZone: z
    .string()
    .refine(isValidTimeZone, 'unknown time zone; use an IANA name like Asia/Kolkata')
    .optional(),
  birthday: z.iso.date('birthday is a date like 1994-03-21').optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  /** Consents to record (the send rules check them: marketing needs one per channel). */
  consents: z
    .array(
      z.strictObject({
        channel: z.string().min(1),
        purpose: z.enum(CONSENT_PURPOSES),
        granted: z.boolean().default(true),
      }),
    )
    .optional(),
});

/** A customer's profile: name, E.164 phone, email, language, IANA time zone, birthday, consents… */
export type CustomerSeedInput = Omit<z.input<typeof customerSeedSchema>, 'id'>;

/** A message of the outbox with the virtual day it was sent on. */
export type DayMessage = Message & { day: number };
export type DayTimelineItem = CustomerTimeline['items'][number] & { day: number };

interface Batch {
  at: number;
  events: SendableEvent[];
}

/** Events waiting for their instant, kept in time order (same instant: the order given). */
export class EventSchedule {
  private readonly batches: Batch[] = [];

  add(at: number, events: SendableEvent[]): void {
    const index = this.batches.findIndex((b) => b.at > at);
    this.batches.splice(index === -1 ? this.batches.length : index, 0, { at, events });
  }

  /** Removes and returns the batches due at or before `until`, earliest first. */
  takeUntil(until: number): Batch[] {
    const due = this.batches.findIndex((b) => b.at > until);
    return this.batches.splice(0, due === -1 ? this.batches.length : due);
  }

  get pending(): number {
    return this.batches.length;
  }
}

/** The virtual day and persona methods that the environment adds on top of its core. */
export function journeyScript(core: ScriptCore, day0: number) {
  const schedule = new EventSchedule();
  let reached = day0;

  const dayOf = (at: Date | number) =>
    daysBetween(day0, typeof at === 'number' ? at : at.getTime());

  const at = (day: number, ...events: SendableEvent[]) => {
    if (!Number.isFinite(day) || day < 0)
      throw new Error(`day must be a number ≥ 0 (days after day 0), got ${day}`);
    const instant = day0 + day * DAY_MS;
    if (instant < reached)
      throw new Error(`day ${day} is already past: the clock has reached day ${dayOf(reached)}`);
    schedule.add(instant, events);
  };

  const outbox = async (customerId: string): Promise<DayMessage[]> =>
    (await core.messages(customerId)).map((m) => ({ ...m, day: dayOf(m.createdAt) }));

  const timeline = async (customerId: string) => {
    const { customer, items } = await core.timeline(customerId);
    return { customer, items: items.map((i): DayTimelineItem => ({ ...i, day: dayOf(i.at) })) };
  };

  return {
    /** The virtual instant (epoch ms) day 0 starts at. */
    day0,
    /** The virtual day of an instant: whole days since `day0` (day 0 is the first). */
    dayOf,
    /**
     * Schedules events for `day` (fractions allowed: 2.5 is noon of day 2 when day 0 starts at
     * midnight); `fastForward` sends them at that virtual instant.
     */
    at,
    /**
     * Sends every scheduled event due by the end of day `days`, each at its instant, and skips
     * the clock to the last second of that day: `{ days: 45 }` plays days 0 to 45, so a 45-day
     * window that opened on day 0 has closed.
     */
    async fastForward({ days }: { days: number }) {
      const end = day0 + (days + 1) * DAY_MS - 1_000;
      for (const batch of schedule.takeUntil(end)) {
        await core.sleepUntil(batch.at);
        await core.send(...batch.events);
      }
      await core.sleepUntil(end);
      reached = Math.max(reached, end);
    },
    /** Events scheduled and not yet sent. */
    pendingEvents: () => schedule.pending,
    /**
     * Creates (or updates) a customer and returns a persona: schedule their events by day, read
     * their timeline and outbox. The profile is checked like `POST /api/customers` checks it.
     * @example
     * const priya = await env.customer('priya', {
     *   name: 'Priya', timeZone: 'Asia/Kolkata',
     *   consents: [{ channel: 'whatsapp', purpose: 'marketing' }],
     * });
     */
    async customer(id: string, profile: CustomerSeedInput = {}) {
      const parsed = customerSeedSchema.safeParse({ ...profile, id });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
        throw new Error(`customer ${id} is invalid: ${issues.join('; ')}`);
      }
      const { consents = [], ...fields } = parsed.data;
      await upsertCustomer(core.db, fields);
      const now = new Date(await core.now());
      for (const consent of consents)
        await setConsent(core.db, { customerId: id, ...consent, source: 'test', at: now });
      const address = (events: PersonaEventInput[]) =>
        events.map((e): SendableEvent => ({ ...e, customerId: id }));
      return {
        id,
        at: (day: number, ...events: PersonaEventInput[]) => at(day, ...address(events)),
        send: (...events: PersonaEventInput[]) => core.send(...address(events)),
        runs: () => core.runs(id),
        timeline: () => timeline(id),
        outbox: () => outbox(id),
      };
    },
    /** A customer's messages, oldest first, each with its virtual `day`. */
    outbox,
    /** Everything that happened to a customer, oldest first, each item with its virtual `day`. */
    timeline,
  };
}

export type Persona = Awaited<ReturnType<ReturnType<typeof journeyScript>['customer']>>;
