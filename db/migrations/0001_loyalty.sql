CREATE TABLE "lot_allocations" (
	"entry_id" bigint NOT NULL,
	"lot_id" bigint NOT NULL,
	"points" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "lot_allocations_entry_id_lot_id_pk" PRIMARY KEY("entry_id","lot_id"),
	CONSTRAINT "lot_allocations_points_check" CHECK ("lot_allocations"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_members" (
	"customer_id" text PRIMARY KEY NOT NULL,
	"program_id" uuid,
	"tier" text DEFAULT 'Bronze' NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone,
	"last_entry_at" timestamp with time zone,
	"points_owed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "loyalty_members_points_owed_check" CHECK ("loyalty_members"."points_owed" >= 0)
);
--> statement-breakpoint
CREATE TABLE "loyalty_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"points_per_100_rupees" integer DEFAULT 10 NOT NULL,
	"earn_on_event" text DEFAULT 'order.delivered' NOT NULL,
	"expiry_days" integer DEFAULT 365 NOT NULL,
	"point_value_paise" integer DEFAULT 10 NOT NULL,
	"tiers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"redemption_options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loyalty_programs_points_per_100_rupees_check" CHECK ("loyalty_programs"."points_per_100_rupees" >= 0),
	CONSTRAINT "loyalty_programs_expiry_days_check" CHECK ("loyalty_programs"."expiry_days" > 0),
	CONSTRAINT "loyalty_programs_point_value_paise_check" CHECK ("loyalty_programs"."point_value_paise" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"order_id" text,
	"idempotency_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"balance_after" integer,
	"meta" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "points_ledger_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "points_ledger_kind_check" CHECK (kind in ('earn', 'redeem', 'expire', 'adjust', 'reverse')),
	CONSTRAINT "points_ledger_points_sign_check" CHECK ((kind = 'earn' and points > 0) or (kind in ('redeem', 'expire', 'reverse') and points < 0) or (kind = 'adjust' and points <> 0))
);
--> statement-breakpoint
CREATE TABLE "points_lots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"entry_id" bigint NOT NULL,
	"earned" integer NOT NULL,
	"remaining" integer NOT NULL,
	"earned_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"order_id" text,
	CONSTRAINT "points_lots_entry_id_unique" UNIQUE("entry_id"),
	CONSTRAINT "points_lots_earned_check" CHECK ("points_lots"."earned" > 0),
	CONSTRAINT "points_lots_remaining_check" CHECK ("points_lots"."remaining" >= 0 AND "points_lots"."remaining" <= "points_lots"."earned"),
	CONSTRAINT "points_lots_expiry_check" CHECK ("points_lots"."expires_at" > "points_lots"."earned_at")
);
--> statement-breakpoint
ALTER TABLE "lot_allocations" ADD CONSTRAINT "lot_allocations_entry_id_points_ledger_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_allocations" ADD CONSTRAINT "lot_allocations_lot_id_points_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."points_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_members" ADD CONSTRAINT "loyalty_members_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "loyalty_members" ADD CONSTRAINT "loyalty_members_program_id_loyalty_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."loyalty_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_customer_id_loyalty_members_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."loyalty_members"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_lots" ADD CONSTRAINT "points_lots_customer_id_loyalty_members_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."loyalty_members"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_lots" ADD CONSTRAINT "points_lots_entry_id_points_ledger_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lot_allocations_lot_idx" ON "lot_allocations" USING btree ("lot_id","occurred_at");--> statement-breakpoint
CREATE INDEX "points_ledger_customer_occurred_idx" ON "points_ledger" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "points_ledger_order_idx" ON "points_ledger" USING btree ("customer_id","order_id") WHERE order_id is not null;--> statement-breakpoint
CREATE INDEX "points_lots_customer_idx" ON "points_lots" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "points_lots_expiring_idx" ON "points_lots" USING btree ("expires_at") WHERE remaining > 0;--> statement-breakpoint
-- Hand-written below: drizzle-kit models neither INCLUDE columns nor triggers.
-- "Balance now": an index-only scan of the member's lots that still hold points.
CREATE INDEX "points_lots_live_idx" ON "points_lots" USING btree ("customer_id") INCLUDE ("expires_at","earned_at","remaining") WHERE remaining > 0;--> statement-breakpoint
-- The ledger and its allocations are append-only: a correction is a new entry (adjust or reverse).
CREATE FUNCTION "loyalty_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: record a correcting entry instead', TG_TABLE_NAME;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "points_ledger_append_only" BEFORE UPDATE OR DELETE ON "points_ledger" FOR EACH ROW EXECUTE FUNCTION "loyalty_append_only"();--> statement-breakpoint
CREATE TRIGGER "lot_allocations_append_only" BEFORE UPDATE OR DELETE ON "lot_allocations" FOR EACH ROW EXECUTE FUNCTION "loyalty_append_only"();
