CREATE TABLE "eval_efficacy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"document_review" jsonb NOT NULL,
	"third_party" jsonb NOT NULL,
	"evaluator_organisation_id" uuid,
	"questionnaire_tenths" integer,
	"dimensions" jsonb NOT NULL,
	"total_tenths" integer,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eval_efficacy_total_ck" CHECK ("eval_efficacy"."total_tenths" is null or "eval_efficacy"."total_tenths" between 0 and 1000),
	CONSTRAINT "eval_efficacy_questionnaire_ck" CHECK ("eval_efficacy"."questionnaire_tenths" is null or "eval_efficacy"."questionnaire_tenths" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "eval_indicator_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eval_indicator_sets_version_ck" CHECK ("eval_indicator_sets"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "eval_project_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"indicator_set_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"total_tenths" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"scored_by" uuid NOT NULL,
	"scored_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eval_project_scores_phase_ck" CHECK ("eval_project_scores"."phase" in ('construction', 'operation')),
	CONSTRAINT "eval_project_scores_total_ck" CHECK ("eval_project_scores"."total_tenths" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "eval_rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid,
	"system_id" uuid,
	"source" text NOT NULL,
	"finding" text NOT NULL,
	"opinion" text NOT NULL,
	"deadline" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"report" text,
	"reported_by" uuid,
	"reported_on" date,
	"closed_by" uuid,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eval_rectifications_anchor_ck" CHECK ("eval_rectifications"."project_id" is not null or "eval_rectifications"."system_id" is not null),
	CONSTRAINT "eval_rectifications_state_ck" CHECK ("eval_rectifications"."state" in ('open', 'reported', 'closed')),
	CONSTRAINT "eval_rectifications_source_ck" CHECK ("eval_rectifications"."source" in ('self_evaluation', 'spot_check', 'assessment', 'efficacy')),
	CONSTRAINT "eval_rectifications_reported_ck" CHECK ("eval_rectifications"."state" = 'open' or "eval_rectifications"."reported_on" is not null),
	CONSTRAINT "eval_rectifications_closed_ck" CHECK (("eval_rectifications"."state" = 'closed') = ("eval_rectifications"."closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "eval_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"due_date" date NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"rolled_up_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eval_rounds_year_ck" CHECK ("eval_rounds"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "eval_self_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"targets" jsonb NOT NULL,
	"funds_used_fen" bigint NOT NULL,
	"outputs" text NOT NULL,
	"effects" text NOT NULL,
	"problems" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eval_self_evaluations_funds_ck" CHECK ("eval_self_evaluations"."funds_used_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eval_spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"self_evaluation_id" uuid NOT NULL,
	"finance_organisation_id" uuid NOT NULL,
	"conclusion" text NOT NULL,
	"key_project" boolean DEFAULT false NOT NULL,
	"findings" text NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "eval_spot_checks_conclusion_ck" CHECK ("eval_spot_checks"."conclusion" in ('consistent', 'issues'))
);
--> statement-breakpoint
ALTER TABLE "eval_efficacy" ADD CONSTRAINT "eval_efficacy_round_id_eval_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."eval_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_efficacy" ADD CONSTRAINT "eval_efficacy_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_efficacy" ADD CONSTRAINT "eval_efficacy_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_efficacy" ADD CONSTRAINT "eval_efficacy_evaluator_organisation_id_organisations_id_fk" FOREIGN KEY ("evaluator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_efficacy" ADD CONSTRAINT "eval_efficacy_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_indicator_sets" ADD CONSTRAINT "eval_indicator_sets_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_indicator_sets" ADD CONSTRAINT "eval_indicator_sets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_project_scores" ADD CONSTRAINT "eval_project_scores_round_id_eval_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."eval_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_project_scores" ADD CONSTRAINT "eval_project_scores_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_project_scores" ADD CONSTRAINT "eval_project_scores_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_project_scores" ADD CONSTRAINT "eval_project_scores_indicator_set_id_eval_indicator_sets_id_fk" FOREIGN KEY ("indicator_set_id") REFERENCES "public"."eval_indicator_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_project_scores" ADD CONSTRAINT "eval_project_scores_scored_by_users_id_fk" FOREIGN KEY ("scored_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rectifications" ADD CONSTRAINT "eval_rectifications_round_id_eval_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."eval_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rectifications" ADD CONSTRAINT "eval_rectifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rectifications" ADD CONSTRAINT "eval_rectifications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rectifications" ADD CONSTRAINT "eval_rectifications_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rectifications" ADD CONSTRAINT "eval_rectifications_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rectifications" ADD CONSTRAINT "eval_rectifications_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rectifications" ADD CONSTRAINT "eval_rectifications_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rounds" ADD CONSTRAINT "eval_rounds_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rounds" ADD CONSTRAINT "eval_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_rounds" ADD CONSTRAINT "eval_rounds_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_self_evaluations" ADD CONSTRAINT "eval_self_evaluations_round_id_eval_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."eval_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_self_evaluations" ADD CONSTRAINT "eval_self_evaluations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_self_evaluations" ADD CONSTRAINT "eval_self_evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_self_evaluations" ADD CONSTRAINT "eval_self_evaluations_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_spot_checks" ADD CONSTRAINT "eval_spot_checks_self_evaluation_id_eval_self_evaluations_id_fk" FOREIGN KEY ("self_evaluation_id") REFERENCES "public"."eval_self_evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_spot_checks" ADD CONSTRAINT "eval_spot_checks_finance_organisation_id_organisations_id_fk" FOREIGN KEY ("finance_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_spot_checks" ADD CONSTRAINT "eval_spot_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eval_efficacy_uq" ON "eval_efficacy" USING btree ("round_id","system_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_indicator_sets_uq" ON "eval_indicator_sets" USING btree ("jurisdiction_id","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_project_scores_uq" ON "eval_project_scores" USING btree ("round_id","project_id");--> statement-breakpoint
CREATE INDEX "eval_rectifications_round_idx" ON "eval_rectifications" USING btree ("round_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_rounds_uq" ON "eval_rounds" USING btree ("jurisdiction_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_self_evaluations_uq" ON "eval_self_evaluations" USING btree ("round_id","project_id");--> statement-breakpoint
CREATE INDEX "eval_self_evaluations_org_idx" ON "eval_self_evaluations" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_spot_checks_uq" ON "eval_spot_checks" USING btree ("self_evaluation_id");