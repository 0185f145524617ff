-- Ledger fast path (issue 4; docs/loyalty-ledger.md, "One round trip per movement").
-- Each ledger movement is ONE call of a function below: it takes the member row lock, checks the
-- idempotency key, plans which lots pay and writes entry, lot, allocations and member — all in
-- the call's own statement and transaction. Before, a movement was BEGIN, ~9 statements (each
-- parsed and planned per call) and COMMIT, with the member lock held across every round trip.
-- Why this still cannot overdraw: the functions are VOLATILE PL/pgSQL, and in READ COMMITTED
-- every statement inside one takes a fresh snapshot. Before it reads a single lot, a write takes
-- SELECT … FOR UPDATE on the member row; once granted, the statements after it see whatever the
-- previous holder committed, so two writes to one member run one after the other on fresh data.
-- (One data-modifying CTE statement could not: its snapshot predates the lock wait.)
-- CHECK (remaining >= 0) on points_lots stays the backstop.

-- The balance as of any instant (docs/loyalty-ledger.md, rule 5): at or after the member's last
-- entry the live lots' `remaining` is exact (an index-only scan of points_lots_live_idx); before
-- it, the allocations are replayed. 0 for a customer who never joined. getBalance calls it too.
CREATE FUNCTION "loyalty_balance_at"(p_customer text, p_at timestamptz) RETURNS integer
LANGUAGE sql STABLE AS $$
  select coalesce((
    select case when m.last_entry_at is null or m.last_entry_at <= p_at
      then coalesce((select sum(l.remaining) from points_lots l
          where l.customer_id = m.customer_id and l.remaining > 0
            and l.expires_at > p_at and l.earned_at <= p_at), 0)
        - m.points_owed
      else coalesce((select sum(l.earned - coalesce((select sum(a.points) from lot_allocations a
            where a.lot_id = l.id and a.occurred_at <= p_at), 0))
          from points_lots l
          where l.customer_id = m.customer_id and l.earned_at <= p_at and l.expires_at > p_at), 0)
        - coalesce((select sum(-e.points - coalesce((select sum(a.points) from lot_allocations a
            where a.entry_id = e.id and a.occurred_at <= p_at), 0))
          from points_ledger e
          where e.customer_id = m.customer_id and e.kind = 'reverse' and e.occurred_at <= p_at), 0)
      end
    from loyalty_members m where m.customer_id = p_customer), 0)::integer
$$;
--> statement-breakpoint
-- What a replayed idempotency key returns: the original entry, its lot (credits) and the
-- allocations that paid for it when it was written (debits), in consumption order. Lots created
-- after the entry (later credits settling a reversal's debt) are left out: one member's writes
-- are serialised, so those lots belong to later entries. A reversal's own order's lots come first.
CREATE FUNCTION "loyalty_replay"(p_entry points_ledger) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  select jsonb_build_object(
    'status', 'replayed',
    'entry', to_jsonb(p_entry),
    'lot', (select to_jsonb(l) from points_lots l where l.entry_id = p_entry.id),
    'allocations', (
      select coalesce(jsonb_agg(to_jsonb(a) order by
          p_entry.kind = 'reverse' and l.order_id is distinct from p_entry.order_id,
          a.occurred_at, l.expires_at, l.earned_at, l.id), '[]'::jsonb)
      from lot_allocations a join points_lots l on l.id = a.lot_id
      where a.entry_id = p_entry.id and l.entry_id < p_entry.id))
$$;
--> statement-breakpoint
-- Locks the member row for the rest of the transaction (every write to one member queues on it).
-- With p_enroll_at, a customer who is not yet a member is enrolled first in the default
-- programme (lazy enrollment on a first credit). A row of NULLs: not a member (or, when
-- enrolling, not a known customer).
CREATE FUNCTION "loyalty_lock_member"(p_customer text, p_enroll_at timestamptz)
RETURNS loyalty_members LANGUAGE plpgsql AS $$
DECLARE
  v_member loyalty_members;
BEGIN
  SELECT * INTO v_member FROM loyalty_members WHERE customer_id = p_customer FOR UPDATE;
  IF FOUND OR p_enroll_at IS NULL THEN
    RETURN v_member;
  END IF;
  INSERT INTO loyalty_members (customer_id, program_id, joined_at)
  SELECT c.id, (SELECT p.id FROM loyalty_programs p ORDER BY p.created_at, p.id LIMIT 1), p_enroll_at
  FROM customers c WHERE c.id = p_customer
  ON CONFLICT (customer_id) DO NOTHING;
  SELECT * INTO v_member FROM loyalty_members WHERE customer_id = p_customer FOR UPDATE;
  RETURN v_member;
END
$$;
--> statement-breakpoint
-- Takes up to p_points from the lots p_lots (the caller's candidates, unexpired at p_at) for entry
-- p_entry_id, in consumption order: lots already earned at p_at first (a reversal may also claw
-- back from later earns, the next earn first), then soonest expiry, then oldest earn, then id
-- (DOMAIN.md §4). Records the allocations, draws the lots down and returns the allocations in
-- that order. Set-based: a running sum decides each lot's share. Its generic plan (lots by
-- primary key) is always right, and re-planning it per call cost more than running it.
CREATE FUNCTION "loyalty_take"(p_entry_id bigint, p_lots bigint[], p_points integer, p_at timestamptz)
RETURNS jsonb LANGUAGE sql SET plan_cache_mode = force_generic_plan AS $$
  with candidates as (
    select l.id, l.remaining, greatest(p_at, l.earned_at) as at,
      sum(l.remaining) over (
        order by greatest(p_at, l.earned_at), l.expires_at, l.earned_at, l.id) as running
    from points_lots l where l.id = any (p_lots) and l.remaining > 0
  ), plan as (
    select id, at, running, least(remaining, p_points - (running - remaining))::integer as take
    from candidates where running - remaining < p_points
  ), allocated as (
    insert into lot_allocations (entry_id, lot_id, points, occurred_at)
    select p_entry_id, id, take, at from plan
    returning *
  ), drawn as (
    update points_lots l set remaining = l.remaining - p.take from plan p where l.id = p.id
  )
  select coalesce(jsonb_agg(to_jsonb(a) order by p.running), '[]'::jsonb)
  from allocated a join plan p on p.id = a.lot_id
$$;
--> statement-breakpoint
-- A credit (earn, or positive adjust): the entry, its lot with its own expiry (p_expires_at, else
-- the programme's expiry days, else p_default_expiry_days), and — while a reversal left the member
-- owing points — the settlement of that debt from the new lot, oldest debt first (the entry's
-- meta.settledDebt). Returns {status: 'created' | 'replayed' | 'unknown-customer', entry, lot}.
CREATE FUNCTION "loyalty_credit"(p_kind text, p_customer text, p_points integer, p_reason text,
  p_order_id text, p_key text, p_at timestamptz, p_expires_at timestamptz,
  p_default_expiry_days integer, p_meta jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_entry points_ledger;
  v_member loyalty_members;
  v_lot points_lots;
  v_expires timestamptz;
  v_balance integer;
  v_settled integer := 0;
  v_debt_ids bigint[];
  v_debt_points integer[];
  v_debt_at timestamptz[];
BEGIN
  -- Entries are append-only: a key already committed replays without taking the lock.
  SELECT * INTO v_entry FROM points_ledger WHERE idempotency_key = p_key;
  IF FOUND THEN RETURN loyalty_replay(v_entry); END IF;
  v_member := loyalty_lock_member(p_customer, p_at);
  IF v_member.customer_id IS NULL THEN
    RETURN jsonb_build_object('status', 'unknown-customer');
  END IF;
  -- A call with the same key may have committed while this one waited for the lock. If it was
  -- for another customer, fail as the key's unique violation would, so that the enrollment above
  -- is rolled back with this call (the caller reports the key conflict).
  SELECT * INTO v_entry FROM points_ledger WHERE idempotency_key = p_key;
  IF FOUND AND v_entry.customer_id <> p_customer THEN
    RAISE unique_violation USING CONSTRAINT = 'points_ledger_idempotency_key_unique',
      MESSAGE = format('idempotency key %s is taken by another customer', p_key);
  END IF;
  IF FOUND THEN RETURN loyalty_replay(v_entry); END IF;

  -- Whole days of 24 hours: an expiry is an instant, whatever the session's time zone.
  v_expires := coalesce(p_expires_at, p_at + coalesce(
    (SELECT p.expiry_days FROM loyalty_programs p WHERE p.id = v_member.program_id),
    p_default_expiry_days) * interval '24 hours');
  -- The new lot adds p_points to the balance as of p_at whether or not it then settles a debt
  -- (the debt was already counted against the balance).
  v_balance := loyalty_balance_at(p_customer, p_at) + p_points;
  IF v_member.points_owed > 0 THEN
    -- Reversals not yet fully paid, oldest first; a lot that expired before a debt arose never
    -- coexisted with it. Each is paid no earlier than it arose or the credit existed.
    SELECT coalesce(sum(d.take), 0), array_agg(d.entry_id ORDER BY d.running),
      array_agg(d.take ORDER BY d.running), array_agg(d.at ORDER BY d.running)
    INTO v_settled, v_debt_ids, v_debt_points, v_debt_at
    FROM (
      SELECT o.entry_id, o.running, greatest(o.occurred_at, p_at) AS at,
        least(o.outstanding, p_points - (o.running - o.outstanding))::integer AS take
      FROM (
        SELECT e.id AS entry_id, e.occurred_at,
          -e.points - coalesce(sum(a.points), 0) AS outstanding,
          sum(-e.points - coalesce(sum(a.points), 0)) OVER (ORDER BY e.occurred_at, e.id) AS running
        FROM points_ledger e LEFT JOIN lot_allocations a ON a.entry_id = e.id
        WHERE e.customer_id = p_customer AND e.kind = 'reverse' AND e.occurred_at < v_expires
        GROUP BY e.id
        HAVING -e.points - coalesce(sum(a.points), 0) > 0
      ) o
      WHERE o.running - o.outstanding < p_points
    ) d;
  END IF;

  INSERT INTO points_ledger (customer_id, kind, points, reason, order_id, idempotency_key,
    occurred_at, balance_after, meta)
  VALUES (p_customer, p_kind, p_points, p_reason, p_order_id, p_key, p_at, v_balance,
    CASE WHEN v_settled > 0 THEN p_meta || jsonb_build_object('settledDebt', v_settled) ELSE p_meta END)
  RETURNING * INTO v_entry;
  INSERT INTO points_lots (customer_id, entry_id, earned, remaining, earned_at, expires_at, order_id)
  VALUES (p_customer, v_entry.id, p_points, p_points - v_settled, p_at, v_expires, p_order_id)
  RETURNING * INTO v_lot;
  IF v_settled > 0 THEN
    INSERT INTO lot_allocations (entry_id, lot_id, points, occurred_at)
    SELECT d.entry_id, v_lot.id, d.points, d.at
    FROM unnest(v_debt_ids, v_debt_points, v_debt_at) AS d(entry_id, points, at);
  END IF;
  UPDATE loyalty_members SET
    last_entry_at = greatest(last_entry_at, p_at),
    last_activity_at = greatest(last_activity_at, p_at),
    points_owed = points_owed - v_settled
  WHERE customer_id = p_customer;
  RETURN jsonb_build_object('status', 'created', 'entry', to_jsonb(v_entry), 'lot', to_jsonb(v_lot));
END
$$;
--> statement-breakpoint
-- A debit (redeem, or negative adjust) of p_points > 0 from the lots unexpired at p_at, or nothing
-- at all when the spendable balance (less any reversal debt) is smaller. Returns {status:
-- 'created' | 'replayed', entry, allocations} or {status: 'insufficient', balance}.
CREATE FUNCTION "loyalty_debit"(p_kind text, p_customer text, p_points integer, p_reason text,
  p_key text, p_at timestamptz, p_meta jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_entry points_ledger;
  v_member loyalty_members;
  v_lots bigint[];
  v_available integer;
  v_before integer;
  v_allocations jsonb;
BEGIN
  SELECT * INTO v_entry FROM points_ledger WHERE idempotency_key = p_key;
  IF FOUND THEN RETURN loyalty_replay(v_entry); END IF;
  v_member := loyalty_lock_member(p_customer, NULL);
  IF v_member.customer_id IS NULL THEN
    RETURN jsonb_build_object('status', 'insufficient', 'balance', 0);
  END IF;
  SELECT * INTO v_entry FROM points_ledger WHERE idempotency_key = p_key;
  IF FOUND THEN RETURN loyalty_replay(v_entry); END IF;

  SELECT array_agg(l.id), coalesce(sum(l.remaining), 0) - v_member.points_owed
  INTO v_lots, v_available
  FROM points_lots l
  WHERE l.customer_id = p_customer AND l.remaining > 0 AND l.earned_at <= p_at
    AND l.expires_at > p_at;
  IF v_available < p_points THEN
    RETURN jsonb_build_object('status', 'insufficient', 'balance', v_available);
  END IF;
  -- At or after the last entry the spendable lots are the whole balance; earlier, replay it.
  v_before := CASE WHEN v_member.last_entry_at IS NULL OR v_member.last_entry_at <= p_at
    THEN v_available ELSE loyalty_balance_at(p_customer, p_at) END;
  INSERT INTO points_ledger (customer_id, kind, points, reason, idempotency_key, occurred_at,
    balance_after, meta)
  VALUES (p_customer, p_kind, -p_points, p_reason, p_key, p_at, v_before - p_points, p_meta)
  RETURNING * INTO v_entry;
  v_allocations := loyalty_take(v_entry.id, v_lots, p_points, p_at);
  UPDATE loyalty_members SET
    last_entry_at = greatest(last_entry_at, p_at),
    last_activity_at = CASE WHEN p_kind = 'redeem'
      THEN greatest(last_activity_at, p_at) ELSE last_activity_at END
  WHERE customer_id = p_customer;
  RETURN jsonb_build_object('status', 'created', 'entry', to_jsonb(v_entry),
    'allocations', v_allocations);
END
$$;
--> statement-breakpoint
-- Reverses what order p_order_id earned (docs/loyalty-ledger.md, the reversal rule): the amount is
-- what its lots earned less what of them expired (posted, or by p_at) less earlier reversals;
-- taken from the order's own lots first, then from the member's other unexpired lots, and the
-- rest is owed (points_owed); the split is the entry's meta. Returns {status: 'created' |
-- 'replayed' | 'nothing', entry, allocations}.
CREATE FUNCTION "loyalty_reverse"(p_customer text, p_order_id text, p_key text, p_at timestamptz,
  p_reason text, p_meta jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_entry points_ledger;
  v_member loyalty_members;
  v_target integer;
  v_order_lots bigint[];
  v_order_held integer;
  v_other_lots bigint[];
  v_other_held integer := 0;
  v_from_order integer;
  v_from_others integer;
  v_debt integer;
  v_balance integer;
  v_allocations jsonb := '[]'::jsonb;
BEGIN
  SELECT * INTO v_entry FROM points_ledger WHERE idempotency_key = p_key;
  IF FOUND THEN RETURN loyalty_replay(v_entry); END IF;
  v_member := loyalty_lock_member(p_customer, NULL);
  IF v_member.customer_id IS NULL THEN RETURN jsonb_build_object('status', 'nothing'); END IF;
  SELECT * INTO v_entry FROM points_ledger WHERE idempotency_key = p_key;
  IF FOUND THEN RETURN loyalty_replay(v_entry); END IF;

  SELECT coalesce(sum(l.earned), 0)
      - coalesce(sum((SELECT coalesce(sum(a.points), 0) FROM lot_allocations a
            JOIN points_ledger x ON x.id = a.entry_id WHERE a.lot_id = l.id AND x.kind = 'expire')
          + CASE WHEN l.expires_at > p_at THEN 0 ELSE l.remaining END), 0)
      - (SELECT coalesce(sum(-r.points), 0) FROM points_ledger r
          WHERE r.customer_id = p_customer AND r.order_id = p_order_id AND r.kind = 'reverse'),
    array_agg(l.id) FILTER (WHERE l.expires_at > p_at AND l.remaining > 0),
    coalesce(sum(l.remaining) FILTER (WHERE l.expires_at > p_at), 0)
  INTO v_target, v_order_lots, v_order_held
  FROM points_lots l WHERE l.customer_id = p_customer AND l.order_id = p_order_id;
  IF v_target <= 0 THEN RETURN jsonb_build_object('status', 'nothing'); END IF;

  v_from_order := least(v_target, v_order_held);
  IF v_from_order < v_target THEN
    SELECT array_agg(l.id), coalesce(sum(l.remaining), 0) INTO v_other_lots, v_other_held
    FROM points_lots l
    WHERE l.customer_id = p_customer AND l.remaining > 0 AND l.expires_at > p_at
      AND l.order_id IS DISTINCT FROM p_order_id;
  END IF;
  v_from_others := least(v_target - v_from_order, v_other_held);
  v_debt := v_target - v_from_order - v_from_others;
  -- Every reversed point leaves the balance at p_at: taken from a lot, or owed.
  v_balance := loyalty_balance_at(p_customer, p_at) - v_target;

  INSERT INTO points_ledger (customer_id, kind, points, reason, order_id, idempotency_key,
    occurred_at, balance_after, meta)
  VALUES (p_customer, 'reverse', -v_target, p_reason, p_order_id, p_key, p_at, v_balance,
    p_meta || jsonb_build_object('fromOrderLots', v_from_order, 'fromOtherLots', v_from_others,
      'debt', v_debt))
  RETURNING * INTO v_entry;
  IF v_from_order > 0 THEN
    v_allocations := loyalty_take(v_entry.id, v_order_lots, v_from_order, p_at);
  END IF;
  IF v_from_others > 0 THEN
    v_allocations := v_allocations || loyalty_take(v_entry.id, v_other_lots, v_from_others, p_at);
  END IF;
  UPDATE loyalty_members SET
    last_entry_at = greatest(last_entry_at, p_at),
    points_owed = points_owed + v_debt
  WHERE customer_id = p_customer;
  RETURN jsonb_build_object('status', 'created', 'entry', to_jsonb(v_entry),
    'allocations', v_allocations);
END
$$;
--> statement-breakpoint
-- The expiry job's batch (docs/loyalty-ledger.md, rule 4): for up to p_limit lots (NULL: all) still
-- holding points whose expiry is at or before p_as_of (only p_customer's when given), one
-- `expire` entry (key expire:lot:<id>, at the lot's expiry) for exactly what is left, allocated
-- to the lot, which drops to 0. The members are locked first, in id order, like every other
-- writer (member, then its lots), so the job cannot deadlock with — or spend a lot under — a
-- redemption. Returns {lots, points, customerIds, hasMore}.
CREATE FUNCTION "loyalty_expire_lots"(p_as_of timestamptz, p_limit integer, p_customer text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  v_ids bigint[];
  v_customers text[];
  v_result jsonb;
BEGIN
  SELECT array_agg(c.id), array_agg(DISTINCT c.customer_id) INTO v_ids, v_customers
  FROM (SELECT l.id, l.customer_id FROM points_lots l
    WHERE l.remaining > 0 AND l.expires_at <= p_as_of
      AND (p_customer IS NULL OR l.customer_id = p_customer)
    ORDER BY l.expires_at, l.id LIMIT p_limit) c;
  IF v_ids IS NULL THEN
    RETURN jsonb_build_object('lots', 0, 'points', 0, 'customerIds', '[]'::jsonb, 'hasMore', false);
  END IF;
  PERFORM 1 FROM loyalty_members m WHERE m.customer_id = ANY (v_customers)
  ORDER BY m.customer_id FOR UPDATE;

  -- A new statement sees what committed while we waited: re-check that each lot still holds points.
  WITH due AS (
    SELECT l.id, l.customer_id, l.remaining, l.expires_at, l.order_id FROM points_lots l
    WHERE l.id = ANY (v_ids) AND l.remaining > 0 AND l.expires_at <= p_as_of
    FOR UPDATE
  ), entries AS (
    INSERT INTO points_ledger (customer_id, kind, points, reason, order_id, idempotency_key,
      occurred_at, meta)
    SELECT d.customer_id, 'expire', -d.remaining, 'expiry', d.order_id, 'expire:lot:' || d.id,
      d.expires_at, jsonb_build_object('lotId', d.id)
    FROM due d
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id, idempotency_key
  ), allocations AS (
    INSERT INTO lot_allocations (entry_id, lot_id, points, occurred_at)
    SELECT e.id, d.id, d.remaining, d.expires_at
    FROM entries e JOIN due d ON e.idempotency_key = 'expire:lot:' || d.id
    RETURNING lot_id, points, occurred_at
  ), drained AS (
    UPDATE points_lots l SET remaining = 0 FROM allocations a WHERE l.id = a.lot_id
    RETURNING l.customer_id, a.points, a.occurred_at
  ), touched AS (
    UPDATE loyalty_members m SET last_entry_at = greatest(m.last_entry_at, x.at)
    FROM (SELECT customer_id, max(occurred_at) AS at FROM drained GROUP BY customer_id) x
    WHERE m.customer_id = x.customer_id
    RETURNING m.customer_id
  )
  SELECT jsonb_build_object('lots', count(*), 'points', coalesce(sum(points), 0),
    'customerIds', coalesce((SELECT jsonb_agg(customer_id ORDER BY customer_id) FROM touched), '[]'::jsonb))
  INTO v_result
  FROM drained;
  RETURN v_result || jsonb_build_object('hasMore',
    p_limit IS NOT NULL AND cardinality(v_ids) >= p_limit);
END
$$;
--> statement-breakpoint
-- Every ledger write updates its member row (last_entry_at, last_activity_at, points_owed: no
-- indexed column). Free room on the page lets PostgreSQL update it in place (a HOT update: no new
-- index entries) instead of moving it; applies to pages written from now on.
ALTER TABLE "loyalty_members" SET (fillfactor = 90);
