CREATE TABLE "budget_review_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"cost_item" text NOT NULL,
	"kind" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"approved_fen" bigint NOT NULL,
	"cut_reason" text,
	CONSTRAINT "budget_review_lines_year_ck" CHECK ("budget_review_lines"."year" between 2000 and 2100),
	CONSTRAINT "budget_review_lines_kind_ck" CHECK ("budget_review_lines"."kind" in ('construction', 'om')),
	CONSTRAINT "budget_review_lines_amount_ck" CHECK ("budget_review_lines"."requested_fen" >= 0 and "budget_review_lines"."approved_fen" >= 0 and "budget_review_lines"."approved_fen" <= "budget_review_lines"."requested_fen"),
	CONSTRAINT "budget_review_lines_cut_ck" CHECK ("budget_review_lines"."approved_fen" = "budget_review_lines"."requested_fen" or length(trim(coalesce("budget_review_lines"."cut_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "budget_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"number" text NOT NULL,
	"opinion" text NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"reviewer_organisation_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"action_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_shares" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"carried_by" text NOT NULL,
	CONSTRAINT "budget_shares_level_ck" CHECK ("budget_shares"."level" in ('national', 'province', 'city', 'county', 'district')),
	CONSTRAINT "budget_shares_kind_ck" CHECK ("budget_shares"."kind" in ('construction', 'om')),
	CONSTRAINT "budget_shares_amount_ck" CHECK ("budget_shares"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "disbursement_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disbursement_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"opinion" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disbursement_consents_decision_ck" CHECK ("disbursement_consents"."decision" in ('consent', 'refuse'))
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"purpose" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requesting_organisation_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_opinion" text,
	"gate_results" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "disbursements_kind_ck" CHECK ("disbursements"."kind" in ('construction', 'om')),
	CONSTRAINT "disbursements_status_ck" CHECK ("disbursements"."status" in ('pending', 'approved', 'refused')),
	CONSTRAINT "disbursements_amount_ck" CHECK ("disbursements"."amount_fen" > 0),
	CONSTRAINT "disbursements_year_ck" CHECK ("disbursements"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "gate_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"disbursement_id" uuid NOT NULL,
	"gate_id" text NOT NULL,
	"article" text NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	CONSTRAINT "gate_overrides_two_users_ck" CHECK ("gate_overrides"."approved_by" is null or "gate_overrides"."approved_by" <> "gate_overrides"."requested_by"),
	CONSTRAINT "gate_overrides_reason_ck" CHECK (length(trim("gate_overrides"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "publicity_items" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"notice_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "publicity_items_amount_ck" CHECK ("publicity_items"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "publicity_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "publicity_notices_status_ck" CHECK ("publicity_notices"."status" in ('draft', 'published')),
	CONSTRAINT "publicity_notices_dates_ck" CHECK ("publicity_notices"."ends_on" >= "publicity_notices"."starts_on"),
	CONSTRAINT "publicity_notices_year_ck" CHECK ("publicity_notices"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "publicity_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"content" text NOT NULL,
	"client_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "publicity_objections_content_ck" CHECK (length("publicity_objections"."content") between 1 and 2000)
);
--> statement-breakpoint
ALTER TABLE "budget_review_lines" ADD CONSTRAINT "budget_review_lines_review_id_budget_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."budget_reviews"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "budget_reviews" ADD CONSTRAINT "budget_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "budget_reviews" ADD CONSTRAINT "budget_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "budget_reviews" ADD CONSTRAINT "budget_reviews_reviewer_organisation_id_organisations_id_fk" FOREIGN KEY ("reviewer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "budget_shares" ADD CONSTRAINT "budget_shares_review_id_budget_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."budget_reviews"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disbursement_consents" ADD CONSTRAINT "disbursement_consents_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disbursement_consents" ADD CONSTRAINT "disbursement_consents_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disbursement_consents" ADD CONSTRAINT "disbursement_consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_requesting_organisation_id_organisations_id_fk" FOREIGN KEY ("requesting_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "gate_overrides" ADD CONSTRAINT "gate_overrides_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "gate_overrides" ADD CONSTRAINT "gate_overrides_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "gate_overrides" ADD CONSTRAINT "gate_overrides_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_items" ADD CONSTRAINT "publicity_items_notice_id_publicity_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."publicity_notices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_items" ADD CONSTRAINT "publicity_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_items" ADD CONSTRAINT "publicity_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_notices" ADD CONSTRAINT "publicity_notices_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_notice_id_publicity_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."publicity_notices"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "budget_review_lines_uq" ON "budget_review_lines" USING btree ("review_id","year","cost_item","kind");
--> statement-breakpoint
CREATE UNIQUE INDEX "budget_reviews_project_uq" ON "budget_reviews" USING btree ("project_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "budget_reviews_number_uq" ON "budget_reviews" USING btree ("number");
--> statement-breakpoint
CREATE UNIQUE INDEX "budget_shares_uq" ON "budget_shares" USING btree ("review_id","level","kind");
--> statement-breakpoint
CREATE UNIQUE INDEX "disbursement_consents_uq" ON "disbursement_consents" USING btree ("disbursement_id");
--> statement-breakpoint
CREATE INDEX "disbursements_project_idx" ON "disbursements" USING btree ("project_id","year");
--> statement-breakpoint
CREATE INDEX "disbursements_status_idx" ON "disbursements" USING btree ("status","requested_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "gate_overrides_uq" ON "gate_overrides" USING btree ("disbursement_id","gate_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "publicity_items_uq" ON "publicity_items" USING btree ("notice_id","project_id");
--> statement-breakpoint
CREATE INDEX "publicity_notices_jurisdiction_idx" ON "publicity_notices" USING btree ("jurisdiction_id","starts_on");
--> statement-breakpoint
CREATE INDEX "publicity_objections_notice_idx" ON "publicity_objections" USING btree ("notice_id","created_at");
--> statement-breakpoint
CREATE INDEX "publicity_objections_client_idx" ON "publicity_objections" USING btree ("client_key","created_at");
