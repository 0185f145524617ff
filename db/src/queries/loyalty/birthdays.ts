// Nightly birthday detection: ONE INSERT … SELECT of loyalty.birthday events, once per member per
// year, on the member's birthday in its own time zone.
import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { LOYALTY_EVENTS } from './loyalty-events';
import { assertValidTime } from './plan';
import { customerZone, instant, localDate, zonesCte } from './tier-sql';

export interface BirthdayRow {
  customerId: string;
  /** The local calendar date celebrated (YYYY-MM-DD). */
  date: string;
}

/**
 * Emits loyalty.birthday (key `loyalty:birthday:<customer>:<year>`) for every member whose
 * birthday (customers.birthday) is today in its time zone at `at`; 29 February birthdays are
 * celebrated on 28 February in other years. Only members: the event is a loyalty moment.
 */
export async function emitBirthdays(db: Db, at: Date): Promise<BirthdayRow[]> {
  assertValidTime(at, 'emitBirthdays');
  const now = instant(at);
  const result = await db.execute(sql`
    with ${zonesCte},
    today as (
      select m.customer_id, c.birthday, ${localDate(now, customerZone)} as local_date
      from loyalty_members m
      join customers c on c.id = m.customer_id
      left join zones z on z.name = c.time_zone
      where c.birthday is not null
    ),
    due as (
      select * from today t
      where to_char(t.birthday, 'MM-DD') = to_char(t.local_date, 'MM-DD')
        or (to_char(t.birthday, 'MM-DD') = '02-29' and to_char(t.local_date, 'MM-DD') = '02-28'
          and to_char(t.local_date + 1, 'MM-DD') = '03-01')
    ),
    emitted as (
      insert into events (idempotency_key, type, customer_id, occurred_at, properties)
      select 'loyalty:birthday:' || d.customer_id || ':' || extract(year from d.local_date)::int,
        ${LOYALTY_EVENTS.birthday}, d.customer_id, ${now},
        jsonb_build_object('birthday', d.birthday::text, 'date', d.local_date::text,
          'year', extract(year from d.local_date)::int)
      from due d
      on conflict (idempotency_key) do nothing
      returning customer_id, properties->>'date' as date
    )
    select * from emitted order by customer_id`);
  return result.rows.map((r) => ({ customerId: String(r.customer_id), date: String(r.date) }));
}
