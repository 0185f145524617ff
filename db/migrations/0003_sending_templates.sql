CREATE TABLE "consent_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_consents" (
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_consents_customer_id_channel_purpose_pk" PRIMARY KEY("customer_id","channel","purpose")
);
--> statement-breakpoint
CREATE TABLE "inbound_activity" (
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"last_inbound_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inbound_activity_customer_id_channel_pk" PRIMARY KEY("customer_id","channel")
);
--> statement-breakpoint
CREATE TABLE "message_status_events" (
	"message_id" uuid NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"error_code" text,
	"pricing_category" text,
	"raw" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "message_status_events_message_id_status_pk" PRIMARY KEY("message_id","status")
);
--> statement-breakpoint
CREATE TABLE "send_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"run_id" uuid,
	"journey_id" uuid,
	"node_id" text,
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"template_id" text NOT NULL,
	"category" text NOT NULL,
	"decision" text NOT NULL,
	"rule" text NOT NULL,
	"reason" text NOT NULL,
	"until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "send_decisions_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "send_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"frequency_cap" integer DEFAULT 3 NOT NULL,
	"frequency_window_days" integer DEFAULT 7 NOT NULL,
	"quiet_hours_start" text DEFAULT '21:00' NOT NULL,
	"quiet_hours_end" text DEFAULT '09:00' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "send_settings_single_row" CHECK ("send_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "channel_prices" (
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"price_millipaise" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channel_prices_channel_category_pk" PRIMARY KEY("channel","category")
);
--> statement-breakpoint
CREATE TABLE "template_variants" (
	"template_id" text NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"subject" text,
	"header_media_kind" text,
	"header_media_url" text,
	"provider_template_name" text,
	"dlt_template_id" text,
	"status" text DEFAULT 'approved' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_variants_template_id_language_pk" PRIMARY KEY("template_id","language")
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"default_language" text DEFAULT 'en' NOT NULL,
	"variables" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "error_code" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "pricing_category" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "fallback_of" uuid;--> statement-breakpoint
ALTER TABLE "customer_consents" ADD CONSTRAINT "customer_consents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_status_events" ADD CONSTRAINT "message_status_events_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_variants" ADD CONSTRAINT "template_variants_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_log_customer_idx" ON "consent_log" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "send_decisions_customer_idx" ON "send_decisions" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "send_decisions_journey_node_idx" ON "send_decisions" USING btree ("journey_id","node_id");--> statement-breakpoint
CREATE INDEX "messages_provider_message_id_idx" ON "messages" USING btree ("provider_message_id");--> statement-breakpoint
INSERT INTO "send_settings" ("id") VALUES (1) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- Default prices in thousandths of a paisa: WhatsApp from DOMAIN.md §5 (utility ≈ ₹0.115,
-- marketing ≈ ₹0.96); SMS, email and push at typical Indian gateway rates. Editable in settings.
INSERT INTO "channel_prices" ("channel", "category", "price_millipaise") VALUES
  ('whatsapp', 'utility', 11500), ('whatsapp', 'authentication', 11500), ('whatsapp', 'marketing', 96000),
  ('sms', 'utility', 18000), ('sms', 'authentication', 18000), ('sms', 'marketing', 18000),
  ('email', 'utility', 2000), ('email', 'authentication', 2000), ('email', 'marketing', 2000),
  ('push', 'utility', 0), ('push', 'authentication', 0), ('push', 'marketing', 0)
ON CONFLICT DO NOTHING;
