-- Issue 12: progress baselines, periodic progress reports, adjustment applications (调整申请).
CREATE TABLE "progress_baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL REFERENCES "projects"("id"),
	"baseline_version" integer NOT NULL,
	"start_on" date NOT NULL,
	"milestones" jsonb NOT NULL,
	"planned_funds" jsonb NOT NULL,
	"total_budget_fen" bigint NOT NULL,
	"change_request_id" uuid,
	"created_by" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_baselines_version_ck" CHECK ("progress_baselines"."baseline_version" >= 1),
	CONSTRAINT "progress_baselines_budget_ck" CHECK ("progress_baselines"."total_budget_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "progress_baselines_version_uq" ON "progress_baselines" USING btree ("project_id","baseline_version");--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL REFERENCES "projects"("id"),
	"period" text NOT NULL,
	"as_of" date NOT NULL,
	"baseline_version" integer NOT NULL,
	"milestones" jsonb NOT NULL,
	"percent_done" integer NOT NULL,
	"funds_used_fen" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reported_by" uuid NOT NULL REFERENCES "users"("id"),
	"reported_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_reports_percent_ck" CHECK ("progress_reports"."percent_done" between 0 and 100),
	CONSTRAINT "progress_reports_funds_ck" CHECK ("progress_reports"."funds_used_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_period_uq" ON "progress_reports" USING btree ("project_id","period");--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL REFERENCES "projects"("id"),
	"kinds" jsonb NOT NULL,
	"description" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_milestones" jsonb NOT NULL,
	"proposed_funds" jsonb NOT NULL,
	"proposed_budget_fen" bigint NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"requested_by" uuid NOT NULL REFERENCES "users"("id"),
	"requested_organisation_id" uuid NOT NULL REFERENCES "organisations"("id"),
	"requested_on" date NOT NULL,
	"evaluated_by" uuid REFERENCES "users"("id"),
	"evaluated_on" date,
	"evaluation_opinion" text,
	"evaluation_participants" text,
	"decided_by" uuid REFERENCES "users"("id"),
	"decided_on" date,
	"decision_opinion" text,
	"baseline_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "change_requests_state_ck" CHECK ("change_requests"."state" in ('submitted', 'evaluated', 'approved', 'rejected', 'completed')),
	CONSTRAINT "change_requests_budget_ck" CHECK ("change_requests"."proposed_budget_fen" >= 0),
	CONSTRAINT "change_requests_evaluated_ck" CHECK (("change_requests"."evaluated_by" is null) = ("change_requests"."evaluated_on" is null)),
	CONSTRAINT "change_requests_decided_ck" CHECK (("change_requests"."decided_by" is null) = ("change_requests"."decided_on" is null)),
	CONSTRAINT "change_requests_not_own_ck" CHECK ("change_requests"."decided_by" is null or "change_requests"."decided_by" <> "change_requests"."requested_by")
);
--> statement-breakpoint
CREATE INDEX "change_requests_project_idx" ON "change_requests" USING btree ("project_id","state");
