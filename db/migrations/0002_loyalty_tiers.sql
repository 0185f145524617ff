CREATE TABLE "tier_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"customer_id" text NOT NULL,
	"from_tier" text,
	"to_tier" text NOT NULL,
	"reason" text NOT NULL,
	"metric" text NOT NULL,
	"qualifying_value" bigint NOT NULL,
	"period_ends_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tier_history_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "tier_history_reason_check" CHECK (reason in ('initial', 'upgrade', 'downgrade'))
);
--> statement-breakpoint
ALTER TABLE "loyalty_members" ADD COLUMN "tier_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "loyalty_members" ADD COLUMN "tier_period_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "loyalty_programs" ADD COLUMN "cart_redemption_min_paise" integer;--> statement-breakpoint
ALTER TABLE "tier_history" ADD CONSTRAINT "tier_history_customer_id_loyalty_members_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."loyalty_members"("customer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tier_history_customer_idx" ON "tier_history" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "loyalty_members_tier_period_idx" ON "loyalty_members" USING btree ("tier_period_ends_at");--> statement-breakpoint
ALTER TABLE "loyalty_programs" ADD CONSTRAINT "loyalty_programs_cart_redemption_min_paise_check" CHECK ("loyalty_programs"."cart_redemption_min_paise" >= 0);