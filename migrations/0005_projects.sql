CREATE TABLE "department_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"score" integer NOT NULL,
	"grade" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_assessments_score_ck" CHECK ("department_assessments"."score" between 0 and 100),
	CONSTRAINT "department_assessments_grade_ck" CHECK ("department_assessments"."grade" in ('excellent', 'good', 'pass', 'fail'))
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"jurisdiction_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counters_jurisdiction_id_kind_year_pk" PRIMARY KEY("jurisdiction_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"employer_organisation_id" uuid,
	"title" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"project_id" uuid,
	"step_id" text,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_name" text NOT NULL,
	"estimated_budget_fen" bigint NOT NULL,
	"year" integer NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_entries_budget_ck" CHECK ("plan_entries"."estimated_budget_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"end_year" integer NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_opinion" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plans_scope_ck" CHECK ("plans"."scope" in ('jurisdiction', 'department')),
	CONSTRAINT "plans_kind_ck" CHECK ("plans"."kind" in ('overall', 'annual')),
	CONSTRAINT "plans_status_ck" CHECK ("plans"."status" in ('draft', 'submitted', 'approved', 'filed', 'returned')),
	CONSTRAINT "plans_years_ck" CHECK ("plans"."year" between 2000 and 2100 and "plans"."end_year" >= "plans"."year")
);
--> statement-breakpoint
CREATE TABLE "project_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"on_date" date NOT NULL,
	"kind" text NOT NULL,
	"step_id" text,
	"event" text,
	"target_step_id" text,
	"actor_user_id" uuid,
	"actor_name" text,
	"role" text,
	"organisation_id" uuid,
	"opinion" text,
	"details" jsonb,
	"signature" jsonb,
	"submission_seq" integer,
	"voided_by" bigint,
	"idempotency_key" text
);
--> statement-breakpoint
CREATE TABLE "project_budget_years" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "project_budget_years_project_id_year_pk" PRIMARY KEY("project_id","year"),
	CONSTRAINT "project_budget_years_ck" CHECK ("project_budget_years"."amount_fen" >= 0 and "project_budget_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "project_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"content" jsonb NOT NULL,
	"signature" jsonb NOT NULL,
	"action_id" bigint NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_certificates_kind_ck" CHECK ("project_certificates"."kind" in ('filing', 'refusal'))
);
--> statement-breakpoint
CREATE TABLE "project_co_builders" (
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "project_co_builders_project_id_organisation_id_pk" PRIMARY KEY("project_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "project_expert_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"opinion" text,
	"conclusion" text,
	"opinion_at" timestamp with time zone,
	"signature" jsonb,
	CONSTRAINT "project_expert_assignments_kind_ck" CHECK ("project_expert_assignments"."kind" in ('expert', 'evaluator'))
);
--> statement-breakpoint
CREATE TABLE "project_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"material_code" text NOT NULL,
	"step_id" text,
	"original_name" text NOT NULL,
	"storage_name" text NOT NULL,
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"sm3" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "project_resources" (
	"project_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "project_resources_project_id_resource_id_pk" PRIMARY KEY("project_id","resource_id"),
	CONSTRAINT "project_resources_relation_ck" CHECK ("project_resources"."relation" in ('produces', 'uses'))
);
--> statement-breakpoint
CREATE TABLE "project_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"opinions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sharing_analysis_opinion" text,
	"findings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_step_holders" (
	"project_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"holder_user_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_step_holders_project_id_step_id_pk" PRIMARY KEY("project_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "project_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"snapshot" jsonb NOT NULL,
	"snapshot_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_systems" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"system_id" uuid,
	"proposed_name" text,
	"relation" text NOT NULL,
	CONSTRAINT "project_systems_relation_ck" CHECK ("project_systems"."relation" in ('builds', 'changes')),
	CONSTRAINT "project_systems_ref_ck" CHECK (("project_systems"."system_id" is null) <> ("project_systems"."proposed_name" is null))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"rulebook_code" text NOT NULL,
	"rulebook_version" integer NOT NULL,
	"owner_organisation_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"funding_mode" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"plan_entry_id" uuid,
	"parent_project_id" uuid,
	"share_of_parent_fen" bigint,
	"total_budget_fen" bigint NOT NULL,
	"dedicated_network" boolean DEFAULT false NOT NULL,
	"dedicated_network_basis" text,
	"owner_person_name" text,
	"owner_person_title" text,
	"owner_person_phone" text,
	"performance_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cloud_services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"declarations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"open_steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "projects_type_ck" CHECK ("projects"."type" in ('new', 'expansion', 'upgrade', 'maintenance')),
	CONSTRAINT "projects_category_ck" CHECK ("projects"."category" in ('application_system', 'network_infrastructure', 'data_resource', 'information_security')),
	CONSTRAINT "projects_funding_ck" CHECK ("projects"."funding_mode" in ('government_investment', 'joint_construction', 'purchase_of_services', 'funded_om')),
	CONSTRAINT "projects_budget_ck" CHECK ("projects"."total_budget_fen" >= 0 and coalesce("projects"."share_of_parent_fen", 0) >= 0),
	CONSTRAINT "projects_state_ck" CHECK ("projects"."state" in ('draft', 'returned', 'withdrawn', 'in_review', 'in_approval', 'established', 'refused'))
);
--> statement-breakpoint
ALTER TABLE "department_assessments" ADD CONSTRAINT "department_assessments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_assessments" ADD CONSTRAINT "department_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_entries" ADD CONSTRAINT "plan_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_actions" ADD CONSTRAINT "project_actions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_actions" ADD CONSTRAINT "project_actions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_actions" ADD CONSTRAINT "project_actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_budget_years" ADD CONSTRAINT "project_budget_years_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_certificates" ADD CONSTRAINT "project_certificates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_co_builders" ADD CONSTRAINT "project_co_builders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_co_builders" ADD CONSTRAINT "project_co_builders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_expert_assignments" ADD CONSTRAINT "project_expert_assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_expert_assignments" ADD CONSTRAINT "project_expert_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_expert_assignments" ADD CONSTRAINT "project_expert_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_materials" ADD CONSTRAINT "project_materials_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_materials" ADD CONSTRAINT "project_materials_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_materials" ADD CONSTRAINT "project_materials_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_resources" ADD CONSTRAINT "project_resources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_resources" ADD CONSTRAINT "project_resources_resource_id_information_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."information_resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_step_holders" ADD CONSTRAINT "project_step_holders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_step_holders" ADD CONSTRAINT "project_step_holders_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_step_holders" ADD CONSTRAINT "project_step_holders_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_submissions" ADD CONSTRAINT "project_submissions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_submissions" ADD CONSTRAINT "project_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_systems" ADD CONSTRAINT "project_systems_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_systems" ADD CONSTRAINT "project_systems_system_id_information_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."information_systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plan_entry_id_plan_entries_id_fk" FOREIGN KEY ("plan_entry_id") REFERENCES "public"."plan_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "department_assessments_uq" ON "department_assessments" USING btree ("organisation_id","year");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_entries_plan_idx" ON "plan_entries" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_entries_org_idx" ON "plan_entries" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "plans_jurisdiction_idx" ON "plans" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "project_actions_project_idx" ON "project_actions" USING btree ("project_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_actions_idempotency_uq" ON "project_actions" USING btree ("project_id","idempotency_key") WHERE "project_actions"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "project_certificates_number_uq" ON "project_certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "project_certificates_project_idx" ON "project_certificates" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_co_builders_org_idx" ON "project_co_builders" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_expert_assignments_uq" ON "project_expert_assignments" USING btree ("project_id","user_id");--> statement-breakpoint
CREATE INDEX "project_expert_assignments_user_idx" ON "project_expert_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "project_materials_project_idx" ON "project_materials" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_materials_storage_uq" ON "project_materials" USING btree ("storage_name");--> statement-breakpoint
CREATE UNIQUE INDEX "project_reviews_step_uq" ON "project_reviews" USING btree ("project_id","step_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_submissions_seq_uq" ON "project_submissions" USING btree ("project_id","seq");--> statement-breakpoint
CREATE INDEX "project_systems_project_idx" ON "project_systems" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_jurisdiction_idx" ON "projects" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "projects_owner_idx" ON "projects" USING btree ("owner_organisation_id");--> statement-breakpoint
CREATE INDEX "projects_parent_idx" ON "projects" USING btree ("parent_project_id");