-- Issue 12: obligations engine, notifications (in-app + SMTP/webhook deliveries), construction and acceptance.
CREATE TABLE "obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL REFERENCES "jurisdictions"("id"),
	"holder_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"project_id" uuid REFERENCES "projects"("id"),
	"system_id" uuid REFERENCES "information_systems"("id"),
	"kind" text NOT NULL,
	"ref" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"articles" jsonb NOT NULL,
	"anchor_date" date NOT NULL,
	"amount" integer NOT NULL,
	"unit" text NOT NULL,
	"due_date" date,
	"unknown_years" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remind_on" date,
	"state" text DEFAULT 'open' NOT NULL,
	"overdue_since" date,
	"met_on" date,
	"met_by" uuid REFERENCES "users"("id"),
	"late" boolean DEFAULT false NOT NULL,
	"extended_from" date,
	"extension_reason" text,
	"waived_reason" text,
	"waived_by" uuid REFERENCES "users"("id"),
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "obligations_state_ck" CHECK ("obligations"."state" in ('open', 'met', 'overdue', 'extended', 'waived')),
	CONSTRAINT "obligations_unit_ck" CHECK ("obligations"."unit" in ('working_days', 'calendar_days', 'calendar_months')),
	CONSTRAINT "obligations_amount_ck" CHECK ("obligations"."amount" >= 0),
	CONSTRAINT "obligations_anchor_ck" CHECK ("obligations"."project_id" is not null or "obligations"."system_id" is not null),
	CONSTRAINT "obligations_met_ck" CHECK (("obligations"."state" = 'met') = ("obligations"."met_on" is not null)),
	CONSTRAINT "obligations_waived_ck" CHECK (("obligations"."state" = 'waived') = ("obligations"."waived_reason" is not null)),
	CONSTRAINT "obligations_extended_ck" CHECK ("obligations"."state" <> 'extended' or "obligations"."extended_from" is not null),
	CONSTRAINT "obligations_due_ck" CHECK ("obligations"."due_date" is null or "obligations"."due_date" >= "obligations"."anchor_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "obligations_anchor_uq" ON "obligations" USING btree ("kind",coalesce("project_id"::text, ''),coalesce("system_id"::text, ''),"ref");--> statement-breakpoint
CREATE INDEX "obligations_jurisdiction_idx" ON "obligations" USING btree ("jurisdiction_id","state");--> statement-breakpoint
CREATE INDEX "obligations_holder_idx" ON "obligations" USING btree ("holder_organisation_id","state");--> statement-breakpoint
CREATE INDEX "obligations_project_idx" ON "obligations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "obligations_live_due_idx" ON "obligations" USING btree ("due_date") WHERE "obligations"."state" in ('open', 'extended', 'overdue');--> statement-breakpoint
CREATE TABLE "obligation_reminders" (
	"obligation_id" uuid NOT NULL REFERENCES "obligations"("id"),
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"recipients" integer NOT NULL,
	CONSTRAINT "obligation_reminders_pk" PRIMARY KEY("obligation_id","kind","due_date"),
	CONSTRAINT "obligation_reminders_kind_ck" CHECK ("obligation_reminders"."kind" in ('before', 'due', 'overdue')),
	CONSTRAINT "obligation_reminders_recipients_ck" CHECK ("obligation_reminders"."recipients" >= 0)
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "obligation_id" uuid REFERENCES "obligations"("id");--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_deliveries_channel_ck" CHECK ("notification_deliveries"."channel" in ('smtp', 'webhook')),
	CONSTRAINT "notification_deliveries_state_ck" CHECK ("notification_deliveries"."state" in ('pending', 'sent', 'failed')),
	CONSTRAINT "notification_deliveries_attempts_ck" CHECK ("notification_deliveries"."attempts" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_uq" ON "notification_deliveries" USING btree ("dedupe_key","channel");--> statement-breakpoint
CREATE INDEX "notification_deliveries_pending_idx" ON "notification_deliveries" USING btree ("id") WHERE "notification_deliveries"."state" = 'pending';
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL REFERENCES "projects"("id"),
	"number" text NOT NULL,
	"procurement_method" text NOT NULL,
	"procurement_result" text NOT NULL,
	"contractor_name" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"signed_on" date NOT NULL,
	"ownership_clause" boolean DEFAULT false NOT NULL,
	"filed_on" date,
	"filed_by" uuid REFERENCES "users"("id"),
	"created_by" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contracts_amount_ck" CHECK ("contracts"."amount_fen" >= 0),
	CONSTRAINT "contracts_method_ck" CHECK ("contracts"."procurement_method" in ('public_tender', 'invited_tender', 'competitive_negotiation', 'competitive_consultation', 'inquiry', 'single_source')),
	CONSTRAINT "contracts_filed_ck" CHECK (("contracts"."filed_on" is null) = ("contracts"."filed_by" is null)),
	CONSTRAINT "contracts_filed_after_ck" CHECK ("contracts"."filed_on" is null or "contracts"."filed_on" >= "contracts"."signed_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_project_number_uq" ON "contracts" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "contracts_project_idx" ON "contracts" USING btree ("project_id");--> statement-breakpoint
CREATE TABLE "contract_deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL REFERENCES "contracts"("id"),
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"delivered_on" date,
	"delivered_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "contract_deliverables_kind_ck" CHECK ("contract_deliverables"."kind" in ('design_documents', 'source_code', 'test_documents', 'other')),
	CONSTRAINT "contract_deliverables_delivered_ck" CHECK (("contract_deliverables"."delivered_on" is null) = ("contract_deliverables"."delivered_by" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "contract_deliverables_uq" ON "contract_deliverables" USING btree ("contract_id","kind","name");
--> statement-breakpoint
CREATE TABLE "rectification_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL REFERENCES "projects"("id"),
	"problem_kind" text NOT NULL,
	"description" text NOT NULL,
	"ordered_by" uuid NOT NULL REFERENCES "users"("id"),
	"ordered_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"ordered_on" date NOT NULL,
	"working_days" integer NOT NULL,
	"state" text DEFAULT 'ordered' NOT NULL,
	"report" text,
	"reported_by" uuid REFERENCES "users"("id"),
	"reported_on" date,
	"decided_by" uuid REFERENCES "users"("id"),
	"decided_on" date,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "rectification_orders_kind_ck" CHECK ("rectification_orders"."problem_kind" in ('approval_violation', 'unauthorised_change', 'serious_delay', 'major_loss')),
	CONSTRAINT "rectification_orders_state_ck" CHECK ("rectification_orders"."state" in ('ordered', 'reported', 'rectified', 'failed', 'refused')),
	CONSTRAINT "rectification_orders_days_ck" CHECK ("rectification_orders"."working_days" between 1 and 365),
	CONSTRAINT "rectification_orders_reported_ck" CHECK (("rectification_orders"."reported_on" is null) = ("rectification_orders"."reported_by" is null)),
	CONSTRAINT "rectification_orders_decided_ck" CHECK (("rectification_orders"."state" in ('rectified', 'failed', 'refused')) = ("rectification_orders"."decided_by" is not null))
);
--> statement-breakpoint
CREATE INDEX "rectification_orders_project_idx" ON "rectification_orders" USING btree ("project_id","state");
