CREATE TABLE "acceptance_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL REFERENCES "projects"("id"),
	"obligation_id" uuid NOT NULL REFERENCES "obligations"("id"),
	"deadline_id" text NOT NULL,
	"reason" text NOT NULL,
	"requested_until" date NOT NULL,
	"due_date_before" date,
	"requested_by" uuid NOT NULL REFERENCES "users"("id"),
	"requested_on" date NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"decided_by" uuid REFERENCES "users"("id"),
	"decided_organisation_id" uuid REFERENCES "organisations"("id"),
	"decided_on" date,
	"decision_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "acceptance_extensions_state_ck" CHECK ("acceptance_extensions"."state" in ('requested', 'granted', 'refused')),
	CONSTRAINT "acceptance_extensions_decided_ck" CHECK (("acceptance_extensions"."state" = 'requested') = ("acceptance_extensions"."decided_by" is null))
);
--> statement-breakpoint
CREATE INDEX "acceptance_extensions_project_idx" ON "acceptance_extensions" USING btree ("project_id","created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_extensions_pending_uq" ON "acceptance_extensions" USING btree ("obligation_id") WHERE "acceptance_extensions"."state" = 'requested';
